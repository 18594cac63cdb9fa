import { ageOn, dayOf, isoDate } from './calendar.js';
import type { Output } from './model.js';
import type { Person } from './person.js';
import { CLASS_C_PER_YEAR, NOTIFIABLE_PER_YEAR } from './rates.js';
import { cumulative, pickWeighted } from './random.js';

type Disease = [code: string, name: string, cls: 'A' | 'B' | 'C', weight: number, children: boolean];

/**
 * Notifiable diseases (GB 15986 codes as words) with relative weights from the national reports of the
 * early 2020s: hepatitis B, pulmonary TB (≈ 35/10万) and syphilis lead class B; influenza and HFMD class C.
 */
const CLASS_AB: Disease[] = [
  ['hepatitis_b', '乙型病毒性肝炎', 'B', 62, false], ['pulmonary_tb', '肺结核', 'B', 35, false],
  ['syphilis', '梅毒', 'B', 33, false], ['hepatitis_c', '丙型病毒性肝炎', 'B', 14, false],
  ['gonorrhoea', '淋病', 'B', 8, false], ['hiv', '艾滋病病毒感染者', 'B', 3, false], ['aids', '艾滋病', 'B', 2, false],
  ['scarlet_fever', '猩红热', 'B', 6, true], ['bacillary_dysentery', '细菌性痢疾', 'B', 3, false],
  ['pertussis', '百日咳', 'B', 3, true], ['brucellosis', '布鲁氏菌病', 'B', 1, false], ['hepatitis_e', '戊型病毒性肝炎', 'B', 3, false],
  ['hfrs', '肾综合征出血热', 'B', 0.5, false], ['dengue', '登革热', 'B', 0.5, false], ['cholera', '霍乱', 'A', 0.02, false],
]; // prettier-ignore
const CLASS_C: Disease[] = [
  ['influenza', '流行性感冒', 'C', 60, false], ['hfmd', '手足口病', 'C', 25, true],
  ['other_diarrhoea', '其它感染性腹泻病', 'C', 12, false], ['mumps', '流行性腮腺炎', 'C', 3, true],
]; // prettier-ignore
const AB_CUM = cumulative(CLASS_AB.map((d) => d[3]));
const C_CUM = cumulative(CLASS_C.map((d) => d[3]));

export function writeNotifiable(out: Output, p: Person): void {
  if (!p.resident) return;
  const { period } = out;
  for (let year = period.first; year <= period.last; year++) {
    const from = Math.max(dayOf(year), p.birth);
    const to = Math.min(dayOf(year + 1), p.death, period.end);
    if (to <= from) continue;
    const share = (to - from) / 365;
    const child = ageOn(p.birth, from) < 15;
    if (p.random.chance(NOTIFIABLE_PER_YEAR * share)) report(out, p, CLASS_AB, AB_CUM, child, from, to);
    if (p.random.chance(CLASS_C_PER_YEAR * share * (child ? 3 : 1)))
      report(out, p, CLASS_C, C_CUM, child, from, to);
  }
}

function report(
  out: Output,
  p: Person,
  list: Disease[],
  cum: Float64Array,
  child: boolean,
  from: number,
  to: number,
) {
  const r = p.random;
  let disease = list[pickWeighted(r, cum)]!;
  // Childhood diseases go to children, the others mostly to adults.
  for (let i = 0; i < 3 && disease[4] !== child; i++) disease = list[pickWeighted(r, cum)]!;
  const onset = from + r.int(to - from);
  const diagnosed = onset + r.int(8);
  const x = r.next();
  const classification = x < 0.74 ? 'confirmed' : x < 0.96 ? 'clinical' : 'suspected';
  const { county } = out;
  const facility = r.chance(0.75)
    ? county.generalHospitals[0]!
    : r.chance(0.5)
      ? county.tcmHospital
      : p.village.town.centre;
  const id = out.ids.take('notifiable_disease_reports');
  const hour = String(8 + r.int(12)).padStart(2, '0');
  out.rows.add('notifiable_disease_reports', [
    county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    county.code,
    facility.id,
    disease[0],
    disease[1],
    disease[2],
    classification,
    isoDate(onset),
    isoDate(diagnosed),
    `${isoDate(diagnosed + (r.chance(0.9) ? 0 : 1))} ${hour}:${String(r.int(60)).padStart(2, '0')}:00+08`,
  ]);
}

/** The death certificate of a resident who died in the period (死因监测). */
export function writeDeath(out: Output, p: Person): void {
  if (p.death >= out.period.end) return;
  const id = out.ids.take('deaths');
  const age = ageOn(p.birth, p.death);
  out.rows.add('deaths', [
    out.county.code,
    id,
    'synthetic',
    String(id),
    p.id,
    isoDate(p.death),
    p.male ? 'male' : 'female',
    age,
    age === 0 ? p.death - p.birth : null,
    p.cause?.code ?? 'R99',
    p.maternalDeath,
    p.village.code,
  ]);
}
