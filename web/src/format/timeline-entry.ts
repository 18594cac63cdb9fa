import type { TimelineEntry } from '../api/residents';
import type { MessageKey, Translate } from '../i18n/translate';
import { zhCN } from '../i18n/zh-cn';

/** What one timeline entry says: a title, the lines under it, the place, and a colour by kind. */
export interface EntryView {
  title: string;
  lines: string[];
  facility: string | null;
  color: 'blue' | 'green' | 'red' | 'gray' | 'orange' | 'purple';
}

const COLORS: Record<TimelineEntry['kind'], EntryView['color']> = {
  'health-record': 'gray',
  encounter: 'blue',
  'chronic-registration': 'orange',
  'follow-up': 'orange',
  'check-up': 'green',
  immunization: 'green',
  contract: 'gray',
  referral: 'blue',
  pregnancy: 'purple',
  'prenatal-visit': 'purple',
  delivery: 'purple',
  'child-check': 'green',
  death: 'red',
};

/** A code word as a message when one exists (`timeline.disease.hypertension`), else the word itself. */
function known(t: Translate, prefix: string, word: string): string {
  const key = `${prefix}.${word}`;
  // Every catalog has the keys of zh-CN; a word the sources add later shows as it is.
  return key in zhCN ? t(key as MessageKey) : word;
}

/** Joins a list with the language's separator. */
const joined = (t: Translate, items: string[]) => items.join(t('list.separator'));

const money = (value: number) => value.toFixed(2);

export function describeEntry(entry: TimelineEntry, t: Translate): EntryView {
  const lines: string[] = [];
  let title = t(`timeline.kind.${entry.kind}` as MessageKey);
  switch (entry.kind) {
    case 'health-record':
      if (entry.lastServiceOn) lines.push(t('timeline.lastService', { date: entry.lastServiceOn }));
      if (entry.closedOn) lines.push(t('timeline.closed', { date: entry.closedOn }));
      break;
    case 'encounter':
      title = `${title} · ${known(t, 'timeline.class', entry.class)}`;
      if (entry.department) lines.push(t('timeline.department', { name: entry.department }));
      if (entry.diagnoses.length)
        lines.push(
          t('timeline.diagnoses', {
            list: joined(
              t,
              entry.diagnoses.map((d) => (d.name ? `${d.code} ${d.name}` : d.code)),
            ),
          }),
        );
      if (entry.endDate && entry.lengthOfStay !== null)
        lines.push(t('timeline.stay', { date: entry.endDate, days: entry.lengthOfStay }));
      else if (entry.endDate) lines.push(t('timeline.discharged', { date: entry.endDate }));
      if (entry.totalCost !== null)
        lines.push(t('timeline.cost', { total: money(entry.totalCost), oop: money(entry.outOfPocket ?? 0) }));
      break;
    case 'chronic-registration':
      title = `${title} · ${known(t, 'timeline.disease', entry.disease)}`;
      if (entry.closedOn)
        lines.push(
          entry.closeReason
            ? t('timeline.closedBecause', { date: entry.closedOn, reason: entry.closeReason })
            : t('timeline.closed', { date: entry.closedOn }),
        );
      break;
    case 'follow-up': {
      title = `${title} · ${known(t, 'timeline.disease', entry.disease)}`;
      const parts = [t(entry.faceToFace ? 'timeline.faceToFace' : 'timeline.remote')];
      if (entry.systolic !== null && entry.diastolic !== null)
        parts.push(t('timeline.bp', { systolic: entry.systolic, diastolic: entry.diastolic }));
      if (entry.fastingGlucose !== null) parts.push(t('timeline.glucose', { value: entry.fastingGlucose }));
      if (entry.controlled !== null)
        parts.push(t(entry.controlled ? 'timeline.controlled' : 'timeline.notControlled'));
      lines.push(joined(t, parts));
      break;
    }
    case 'check-up': {
      title = `${title} · ${known(t, 'timeline.programme', entry.programme)}`;
      const done = [
        entry.lifestyleAssessment && t('timeline.part.lifestyle'),
        entry.physicalExamination && t('timeline.part.physical'),
        entry.auxiliaryTests && t('timeline.part.auxiliary'),
        entry.healthGuidance && t('timeline.part.guidance'),
      ].filter((p): p is string => Boolean(p));
      if (done.length) lines.push(t('timeline.parts', { list: joined(t, done) }));
      if (entry.formComplete) lines.push(t('timeline.formComplete'));
      break;
    }
    case 'immunization':
      lines.push(t('timeline.dose', { vaccine: entry.vaccineCode, dose: entry.doseNumber }));
      break;
    case 'contract':
      if (entry.renewsContractId !== null) title = `${title} · ${t('timeline.renewal')}`;
      lines.push(t('timeline.validUntil', { date: entry.endOn }));
      if (entry.cancelledOn) lines.push(t('timeline.cancelled', { date: entry.cancelledOn }));
      if (entry.teamName) lines.push(t('timeline.team', { name: entry.teamName }));
      if (entry.priorityGroups.length)
        lines.push(
          t('timeline.groups', {
            list: joined(
              t,
              entry.priorityGroups.map((g) => known(t, 'timeline.group', g)),
            ),
          }),
        );
      break;
    case 'referral': {
      const to = entry.toFacility.name ?? t('timeline.elsewhere');
      lines.push(
        joined(t, [
          t(entry.direction === 'up' ? 'timeline.referral.up' : 'timeline.referral.down', { to }),
          known(t, 'timeline.referral.status', entry.status),
        ]),
      );
      if (entry.receivedOn) lines.push(t('timeline.referral.received', { date: entry.receivedOn }));
      break;
    }
    case 'pregnancy':
      if (entry.registrationWeek !== null)
        lines.push(t('timeline.registrationWeek', { week: entry.registrationWeek }));
      if (entry.deliveryDate) lines.push(t('timeline.deliveredOn', { date: entry.deliveryDate }));
      break;
    case 'prenatal-visit':
      if (entry.gestationalWeek !== null)
        lines.push(t('timeline.gestationalWeek', { week: entry.gestationalWeek }));
      break;
    case 'delivery':
      if (entry.hospitalDelivery !== null)
        lines.push(t(entry.hospitalDelivery ? 'timeline.hospitalDelivery' : 'timeline.homeDelivery'));
      if (entry.postpartumVisitOn) lines.push(t('timeline.postpartum', { date: entry.postpartumVisitOn }));
      break;
    case 'child-check':
      if (entry.eyeScreening) lines.push(t('timeline.eyeScreening'));
      break;
    case 'death':
      break;
  }
  return { title, lines, facility: entry.facility?.name ?? null, color: COLORS[entry.kind] };
}
