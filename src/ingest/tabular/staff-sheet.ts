import { facilityCodeColumn } from './columns.js';
import type { ChoiceOf } from './choices.js';
import { practiceCategories, staffCategories, staffSexes } from './labels.js';
import type { SheetKind } from './sheet-kind.js';

/** The source system of staff rows read from a spreadsheet, unless the sheet names one (来源系统). */
export const SPREADSHEET_SOURCE = 'spreadsheet';

export interface StaffRecord {
  sourceSystem: string;
  /** 人员编码: with the source system, the natural key of the employment. */
  sourceId: string;
  facilityCode: string;
  name: string;
  sex: ChoiceOf<typeof staffSexes> | null;
  birthDate: string | null;
  licenceNumber: string | null;
  category: ChoiceOf<typeof staffCategories>;
  practiceCategory: ChoiceOf<typeof practiceCategories> | null;
  gpRegistered: boolean;
  gpCertificate: boolean;
  managementPost: boolean;
  startedOn: string;
  endedOn: string | null;
}

const PHYSICIANS = new Set(['physician', 'assistant_physician']);

/**
 * 人员: a staff list (花名册), one row per person and facility, as the health statistics survey's
 * 卫生人力基本信息调查表 collects it. The store holds people, not counts: counts per category are
 * computed from these rows.
 */
export const staffSheet: SheetKind<StaffRecord> = {
  id: 'staff',
  sheetName: '人员',
  names: ['人员', '花名册', 'staff'],
  description: '人员花名册：每人每个执业机构一行，以人员编码为准（再次导入即更新）',
  columns: [
    {
      key: 'sourceId',
      header: '人员编码',
      aliases: ['人员代码', '工号', 'staff code', 'source id'],
      required: true,
      width: 18,
      format: 'text',
      note: '县内唯一的人员编码，如“机构编码-工号”；不要用身份证号',
    },
    facilityCodeColumn,
    { key: 'name', header: '姓名', aliases: ['name'], required: true, width: 10, note: '' },
    { key: 'sex', header: '性别', aliases: ['sex'], width: 6, note: '男、女、未知；可空' },
    {
      key: 'birthDate',
      header: '出生日期',
      aliases: ['birth date'],
      width: 12,
      format: 'date',
      note: '可空',
    },
    {
      key: 'licenceNumber',
      header: '执业证书编码',
      aliases: ['执业证书号', '医师执业证书编码', 'licence number'],
      width: 20,
      format: 'text',
      note: '医师、护士执业证书编码，可空（多点执业的同一人靠它只计一次）',
    },
    {
      key: 'category',
      header: '人员类别',
      aliases: ['类别', 'category'],
      required: true,
      width: 16,
      note: staffCategories.labels.join('、'),
    },
    {
      key: 'practiceCategory',
      header: '执业类别',
      aliases: ['practice category'],
      width: 10,
      note: `仅执业（助理）医师填：${practiceCategories.labels.join('、')}`,
    },
    {
      key: 'gpRegistered',
      header: '注册为全科医学专业',
      aliases: ['全科注册', '注册全科', 'gp registered'],
      width: 18,
      note: '是/否，空为否（含加注全科执业范围）',
    },
    {
      key: 'gpCertificate',
      header: '取得全科医生培训合格证',
      aliases: ['全科培训合格证', 'gp certificate'],
      width: 22,
      note: '是/否，空为否',
    },
    {
      key: 'managementPost',
      header: '从事管理岗位',
      aliases: ['管理岗位', 'management post'],
      width: 12,
      note: '是/否，空为否；实际从事管理工作的卫生技术人员不计入每千人口医师、护士数',
    },
    {
      key: 'startedOn',
      header: '入职日期',
      aliases: ['来本单位日期', 'started on'],
      required: true,
      width: 12,
      format: 'date',
      note: 'YYYY-MM-DD',
    },
    {
      key: 'endedOn',
      header: '离职日期',
      aliases: ['调离日期', 'ended on'],
      width: 12,
      format: 'date',
      note: 'YYYY-MM-DD，在岗则空',
    },
    {
      key: 'sourceSystem',
      header: '来源系统',
      aliases: ['source system'],
      width: 14,
      note: `人员编码所属的系统，空为 ${SPREADSHEET_SOURCE}；导出的其他系统人员保留原值`,
    },
  ],
  keyColumns: ['sourceSystem', 'sourceId'],
  read(f) {
    const category = f.choice('category', staffCategories);
    const practiceCategory = f.optionalChoice('practiceCategory', practiceCategories);
    if (practiceCategory && !PHYSICIANS.has(category)) {
      f.fail(
        'practiceCategory',
        'tabular.invalid-value',
        '仅执业（助理）医师有执业类别 only physicians have a practice category',
      );
    }
    const startedOn = f.date('startedOn');
    const endedOn = f.optionalDate('endedOn');
    if (startedOn && endedOn && endedOn < startedOn) {
      f.fail('endedOn', 'tabular.invalid-date', `离职日期早于入职日期 before the start date ${startedOn}`);
    }
    return {
      sourceSystem: f.optionalCode('sourceSystem') ?? SPREADSHEET_SOURCE,
      sourceId: f.code('sourceId'),
      facilityCode: f.code('facilityCode'),
      name: f.text('name'),
      sex: f.optionalChoice('sex', staffSexes),
      birthDate: f.optionalDate('birthDate'),
      licenceNumber: f.optionalCode('licenceNumber'),
      category,
      practiceCategory,
      gpRegistered: f.flag('gpRegistered', false),
      gpCertificate: f.flag('gpCertificate', false),
      managementPost: f.flag('managementPost', false),
      startedOn,
      endedOn,
    };
  },
  key: (r) => `${r.sourceSystem}|${r.sourceId}`,
  write: (r) => [
    r.sourceId,
    r.facilityCode,
    r.name,
    r.sex && staffSexes.label(r.sex),
    r.birthDate,
    r.licenceNumber,
    staffCategories.label(r.category),
    r.practiceCategory && practiceCategories.label(r.practiceCategory),
    r.gpRegistered ? '是' : '否',
    r.gpCertificate ? '是' : '否',
    r.managementPost ? '是' : '否',
    r.startedOn,
    r.endedOn,
    r.sourceSystem,
  ],
  facility: { column: 'facilityCode', code: (r) => r.facilityCode },
};
