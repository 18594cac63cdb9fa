import { choices, type ChoiceOf } from './choices.js';

/*
 * The Chinese words of the store's code lists (src/store/schema: FACILITY_TYPES, STAFF_CATEGORIES, …).
 * ingest may not import the store, so the code words are repeated here; labels.test.ts checks that both
 * lists stay the same.
 */

/** 机构类别 of the health statistics survey (卫生统计调查制度). */
export const facilityTypes = choices([
  ['general_hospital', '综合医院'],
  ['tcm_hospital', '中医医院'],
  ['integrated_hospital', '中西医结合医院'],
  ['ethnic_medicine_hospital', '民族医医院'],
  ['specialised_hospital', '专科医院'],
  ['nursing_home', '护理院(站)', '护理院', '护理站'],
  [
    'mch_hospital',
    '妇幼保健院(所、站)',
    '妇幼保健院',
    '妇幼保健所',
    '妇幼保健站',
    '妇幼保健计划生育服务中心',
  ],
  ['community_health_centre', '社区卫生服务中心'],
  ['community_health_station', '社区卫生服务站'],
  ['subdistrict_health_centre', '街道卫生院'],
  ['township_health_centre', '乡镇卫生院', '中心卫生院', '乡卫生院', '镇卫生院'],
  ['village_clinic', '村卫生室'],
  ['clinic', '诊所(卫生所、医务室)', '诊所', '卫生所', '医务室', '诊所、卫生所、医务室', '中医诊所'],
  ['outpatient_department', '门诊部'],
  ['cdc', '疾病预防控制中心', '疾控中心'],
  [
    'specialised_disease_prevention',
    '专科疾病防治院(所、站)',
    '专科疾病防治院',
    '专科疾病防治所',
    '专科疾病防治站',
  ],
  ['health_education', '健康教育所(站)', '健康教育所', '健康教育站'],
  ['emergency_centre', '急救中心(站)', '急救中心', '急救站'],
  ['blood_station', '采供血机构', '血站', '中心血站'],
  ['health_supervision', '卫生监督所(局)', '卫生监督所', '卫生监督局'],
  ['family_planning_service', '计划生育技术服务机构'],
  ['other', '其他机构', '其他'],
]);
export type FacilityType = ChoiceOf<typeof facilityTypes>;

/**
 * 基层医疗卫生机构 by type, per the statistics yearbook: community centres and stations, 街道 and 乡镇
 * 卫生院, village clinics, outpatient departments and clinics. Used when 是否基层 is left blank.
 */
export const PRIMARY_CARE_TYPES: ReadonlySet<string> = new Set([
  'community_health_centre',
  'community_health_station',
  'subdistrict_health_centre',
  'township_health_centre',
  'village_clinic',
  'outpatient_department',
  'clinic',
]);

export const ownerships = choices([
  ['public', '公立', '公办', '政府办', '国有', '集体'],
  ['private', '非公立', '民营', '民办', '私立', '社会办', '个体'],
]);

/** 人员类别 of the health statistics survey. */
export const staffCategories = choices([
  ['physician', '执业医师'],
  ['assistant_physician', '执业助理医师'],
  ['registered_nurse', '注册护士', '护士'],
  ['pharmacist', '药师(士)', '药师', '药士'],
  ['lab_technician', '检验技师(士)', '检验技师', '检验技士'],
  ['imaging_technician', '影像技师(士)', '影像技师', '影像技士'],
  ['other_health_technical', '其他卫生技术人员'],
  ['village_doctor', '乡村医生和卫生员', '乡村医生', '卫生员'],
  ['other_technical', '其他技术人员'],
  ['management', '管理人员'],
  ['support', '工勤技能人员', '工勤人员'],
]);

/** 执业类别 of physicians and assistant physicians. */
export const practiceCategories = choices([
  ['clinical', '临床', '临床类别'],
  ['tcm', '中医', '中医类别'],
  ['dental', '口腔', '口腔类别'],
  ['public_health', '公共卫生', '公共卫生类别'],
]);

export const populationBases = choices([
  ['resident', '常住', '常住人口'],
  ['registered', '户籍', '户籍人口'],
]);

/** GB/T 2261.1 codes 1 and 2 are accepted too. */
export const populationSexes = choices([
  ['male', '男', '男性', '1'],
  ['female', '女', '女性', '2'],
]);

export const staffSexes = choices([
  ['male', '男', '男性', '1'],
  ['female', '女', '女性', '2'],
  ['unknown', '未知', '未说明', '0', '9'],
]);

export const regionLevels = choices([
  ['county', '县(区)', '县', '区', '县级', '县级市', '旗'],
  ['town', '乡镇(街道)', '乡镇', '乡', '镇', '街道', '苏木'],
  ['village', '村(社区)', '村', '社区', '村委会', '居委会', '嘎查'],
]);

export const yesNo = choices([
  ['yes', '是', '有', 'y', 'true', '1', '√'],
  ['no', '否', '无', 'n', 'false', '0', '×'],
]);
