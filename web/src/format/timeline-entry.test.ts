import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/residents';
import { en } from '../i18n/en';
import { translate, type MessageKey, type Params } from '../i18n/translate';
import { zhCN } from '../i18n/zh-cn';
import { describeEntry } from './timeline-entry';

const zh = (key: MessageKey, params?: Params) => translate(zhCN, key, params);
const english = (key: MessageKey, params?: Params) => translate(en, key, params);
const clinic = { id: 1, name: '金沙镇卫生院' };

describe('describeEntry', () => {
  it('says what an inpatient stay was, in Chinese and in English', () => {
    const stay: TimelineEntry = {
      kind: 'encounter',
      date: '2023-11-02',
      id: 31,
      facility: { id: null, name: '南通市第一人民医院' },
      class: 'inpatient',
      endDate: '2023-11-09',
      department: '神经内科',
      diagnoses: [
        { code: 'I63.9', name: '脑梗死' },
        { code: 'I10', name: null },
      ],
      totalCost: 12000,
      outOfPocket: 3600,
      lengthOfStay: 7,
    };
    expect(describeEntry(stay, zh)).toEqual({
      title: '就诊 · 住院',
      lines: [
        '科室：神经内科',
        '诊断：I63.9 脑梗死；I10',
        '2023-11-09 出院，住院 7 天',
        '费用 ¥12000.00（自付 ¥3600.00）',
      ],
      facility: '南通市第一人民医院',
      color: 'blue',
    });
    expect(describeEntry(stay, english).lines[2]).toBe('discharged 2023-11-09, 7 days');
  });

  it('reads a follow-up, a contract with its priority groups and a referral out of the county', () => {
    const followUp: TimelineEntry = {
      kind: 'follow-up',
      date: '2024-05-10',
      id: 22,
      facility: clinic,
      disease: 'hypertension',
      faceToFace: false,
      systolic: 138,
      diastolic: 85,
      fastingGlucose: null,
      controlled: true,
    };
    expect(describeEntry(followUp, zh)).toMatchObject({
      title: '慢病随访 · 高血压',
      lines: ['非面对面随访；血压 138/85 mmHg；控制满意'],
      color: 'orange',
    });
    const contract: TimelineEntry = {
      kind: 'contract',
      date: '2024-01-01',
      id: 50,
      facility: clinic,
      endOn: '2024-12-31',
      cancelledOn: null,
      teamName: '金沙一队',
      priorityGroups: ['elderly', 'hypertension', 'veterans'],
      renewsContractId: 49,
    };
    expect(describeEntry(contract, zh)).toMatchObject({
      title: '家庭医生签约 · 续签',
      // A group the catalog does not know is shown as written.
      lines: ['有效期至 2024-12-31', '团队：金沙一队', '重点人群：老年人；高血压患者；veterans'],
    });
    const referral: TimelineEntry = {
      kind: 'referral',
      date: '2023-11-01',
      id: 60,
      facility: clinic,
      direction: 'up',
      status: 'completed',
      receivedOn: '2023-11-02',
      toFacility: { id: null, name: null },
    };
    expect(describeEntry(referral, english).lines).toEqual([
      'referred up to a facility outside the county; completed',
      'received 2023-11-02',
    ]);
  });

  it('keeps a death without lines and without a facility', () => {
    expect(describeEntry({ kind: 'death', date: '2024-02-02', id: 1, facility: null }, zh)).toEqual({
      title: '死亡',
      lines: [],
      facility: null,
      color: 'red',
    });
  });
});
