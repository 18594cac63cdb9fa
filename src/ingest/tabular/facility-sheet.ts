import { facilityTypes, ownerships, PRIMARY_CARE_TYPES, type FacilityType } from './labels.js';
import type { SheetKind } from './sheet-kind.js';

type GradeClass = 'a' | 'b' | 'c';

export interface FacilityRecord {
  code: string;
  name: string;
  type: FacilityType;
  ownership: 'public' | 'private';
  gradeLevel: number | null;
  gradeClass: GradeClass | null;
  primaryCare: boolean;
  regionCode: string | null;
  geriatricsDepartment: boolean;
  tcmServices: boolean;
  openedOn: string | null;
  closedOn: string | null;
}

const LEVELS: Record<string, number> = { 一: 1, 二: 2, 三: 3, '1': 1, '2': 2, '3': 3 };
const CLASSES = { 甲: 'a', 乙: 'b', 丙: 'c' } as const;
const CLASS_NAMES = { a: '甲', b: '乙', c: '丙' } as const;
const LEVEL_NAMES = ['', '一', '二', '三'];

/** 三级甲等, 三甲, 二级, 未定级 (or blank) → level and class. */
export function readGrade(text: string): { level: number | null; gradeClass: GradeClass | null } | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (t === '' || t === '未定级' || t === '无') return { level: null, gradeClass: null };
  const match = /^([一二三123])(?:级([甲乙丙])?等?|([甲乙丙]))$/.exec(t);
  if (!match) return null;
  const cls = (match[2] ?? match[3]) as keyof typeof CLASSES | undefined;
  return { level: LEVELS[match[1]!]!, gradeClass: cls ? CLASSES[cls] : null };
}

export function gradeLabel(level: number | null, gradeClass: GradeClass | null): string {
  if (level === null) return '未定级';
  return `${LEVEL_NAMES[level]}级${gradeClass ? `${CLASS_NAMES[gradeClass]}等` : ''}`;
}

/** 机构: one row per facility, keyed by its registration code. */
export const facilitySheet: SheetKind<FacilityRecord> = {
  id: 'facilities',
  sheetName: '机构',
  names: ['机构', 'facilities'],
  description: '医疗卫生机构，每行一个机构，以机构编码为准（再次导入即更新）',
  columns: [
    {
      key: 'code',
      header: '机构编码',
      aliases: ['机构代码', '统一社会信用代码', '登记号', 'facility code'],
      required: true,
      width: 24,
      format: 'text',
      note: '统一社会信用代码或医疗机构执业许可证登记号，县内唯一',
    },
    { key: 'name', header: '机构名称', aliases: ['facility name'], required: true, width: 32, note: '' },
    {
      key: 'type',
      header: '机构类别',
      aliases: ['机构类型', 'facility type', 'type'],
      required: true,
      width: 20,
      note: `卫生统计调查制度机构类别：${facilityTypes.labels.join('、')}`,
    },
    {
      key: 'ownership',
      header: '经济类型',
      aliases: ['举办主体', '所有制', 'ownership'],
      required: true,
      width: 10,
      note: `${ownerships.labels.join('、')}`,
    },
    {
      key: 'grade',
      header: '等级',
      aliases: ['机构等级', '医院等级', 'grade'],
      width: 10,
      note: '三级甲等、二级乙等、一级……；空或“未定级”为未定级',
    },
    {
      key: 'primaryCare',
      header: '是否基层',
      aliases: ['基层医疗卫生机构', '是否基层医疗卫生机构', 'primary care'],
      width: 10,
      note: '是/否；空则按机构类别（社区卫生服务中心/站、街道/乡镇卫生院、村卫生室、门诊部、诊所为基层）',
    },
    {
      key: 'regionCode',
      header: '所在地区代码',
      aliases: ['地区代码', '区划代码', 'region code'],
      width: 16,
      format: 'text',
      note: '机构所在村（社区）或乡镇（街道）的12位统计用区划代码，须属本县',
    },
    {
      key: 'geriatricsDepartment',
      header: '是否设老年医学科',
      aliases: ['老年医学科', 'geriatrics department'],
      width: 16,
      note: '是/否，空为否',
    },
    {
      key: 'tcmServices',
      header: '提供中医药服务',
      aliases: ['是否提供中医药服务', '中医药服务', 'tcm services'],
      width: 14,
      note: '是/否，空为否',
    },
    {
      key: 'openedOn',
      header: '开业日期',
      aliases: ['opened on'],
      width: 12,
      format: 'date',
      note: 'YYYY-MM-DD，可空',
    },
    {
      key: 'closedOn',
      header: '停业日期',
      aliases: ['注销日期', 'closed on'],
      width: 12,
      format: 'date',
      note: 'YYYY-MM-DD，仍在运营则空',
    },
  ],
  keyColumns: ['code'],
  read(f) {
    const type = f.choice('type', facilityTypes);
    const gradeText = f.optionalCode('grade') ?? '';
    const grade = readGrade(gradeText);
    if (!grade)
      f.fail('grade', 'tabular.invalid-choice', `不是医院等级 not a grade such as 三级甲等: "${gradeText}"`);
    const openedOn = f.optionalDate('openedOn');
    const closedOn = f.optionalDate('closedOn');
    if (openedOn && closedOn && closedOn < openedOn) {
      f.fail('closedOn', 'tabular.invalid-date', `停业日期早于开业日期 before the opening date ${openedOn}`);
    }
    return {
      code: f.code('code'),
      name: f.text('name'),
      type,
      ownership: f.choice('ownership', ownerships),
      gradeLevel: grade?.level ?? null,
      gradeClass: grade?.gradeClass ?? null,
      primaryCare: f.flag('primaryCare', PRIMARY_CARE_TYPES.has(type)),
      regionCode: f.optionalRegionCode('regionCode'),
      geriatricsDepartment: f.flag('geriatricsDepartment', false),
      tcmServices: f.flag('tcmServices', false),
      openedOn,
      closedOn,
    };
  },
  key: (r) => r.code,
  write: (r) => [
    r.code,
    r.name,
    facilityTypes.label(r.type),
    ownerships.label(r.ownership),
    gradeLabel(r.gradeLevel, r.gradeClass),
    r.primaryCare ? '是' : '否',
    r.regionCode,
    r.geriatricsDepartment ? '是' : '否',
    r.tcmServices ? '是' : '否',
    r.openedOn,
    r.closedOn,
  ],
  region: { column: 'regionCode', code: (r) => r.regionCode },
};
