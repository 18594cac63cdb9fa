import { cumulative, pickWeighted, type Random } from './random.js';

/** ICD-10 codes with their Chinese names (国家临床版 2.0 wording, shortened), and a weighted picker. */
export interface Code {
  code: string;
  name: string;
}

export interface CodeTable {
  codes: Code[];
  cum: Float64Array;
}

function table(entries: [string, string, number][]): CodeTable {
  return {
    codes: entries.map(([code, name]) => ({ code, name })),
    cum: cumulative(entries.map((e) => e[2])),
  };
}

export function pickCode(random: Random, t: CodeTable): Code {
  return t.codes[pickWeighted(random, t.cum)]!;
}

export const HYPERTENSION: Code = { code: 'I10.x00', name: '原发性高血压' };
export const DIABETES: Code = { code: 'E11.900', name: '2型糖尿病' };
export const SCHIZOPHRENIA: Code = { code: 'F20.900', name: '精神分裂症' };
export const DELIVERY: Code = { code: 'O80.000', name: '单胎顺产' };
export const CAESAREAN: Code = { code: 'O82.000', name: '剖宫产术的单胎分娩' };

/** Outpatient diagnoses by age band. */
export const CHILD_VISITS = table([
  ['J06.900', '急性上呼吸道感染', 40], ['J20.900', '急性支气管炎', 12], ['J18.900', '肺炎', 5],
  ['A09.900', '感染性腹泻', 8], ['K59.000', '便秘', 3], ['L30.900', '皮炎', 5], ['H10.900', '结膜炎', 3],
  ['Z00.100', '常规儿童健康检查', 15], ['Z23.000', '预防接种', 6], ['K02.900', '龋病', 3],
]); // prettier-ignore

export const ADULT_VISITS = table([
  ['J06.900', '急性上呼吸道感染', 22], ['K29.700', '胃炎', 10], ['M54.500', '腰痛', 8],
  ['M17.900', '膝关节病', 4], ['J20.900', '急性支气管炎', 6], ['N39.000', '泌尿道感染', 3],
  ['K02.900', '龋病', 3], ['L30.900', '皮炎', 4], ['R51.x00', '头痛', 3], ['E78.500', '高脂血症', 5],
  ['I25.100', '动脉粥样硬化性心脏病', 3], ['J44.900', '慢性阻塞性肺疾病', 2], ['N76.000', '阴道炎', 3],
  ['Z00.000', '一般医学检查', 8], ['S61.900', '手部开放性伤口', 2], ['F32.900', '抑郁发作', 1],
  ['K80.200', '胆囊结石', 2], ['M81.900', '骨质疏松', 2], ['H52.100', '近视', 2],
]); // prettier-ignore

export const ELDERLY_VISITS = table([
  ['J06.900', '急性上呼吸道感染', 12], ['I25.100', '动脉粥样硬化性心脏病', 10], ['J44.900', '慢性阻塞性肺疾病', 7],
  ['I63.900', '脑梗死', 5], ['M17.900', '膝关节病', 6], ['K29.700', '胃炎', 7], ['E78.500', '高脂血症', 7],
  ['M81.900', '骨质疏松', 5], ['H25.900', '老年性白内障', 3], ['N40.x00', '前列腺增生', 3],
  ['Z00.000', '一般医学检查', 10], ['J18.900', '肺炎', 3], ['I48.x00', '心房颤动', 2], ['R42.x00', '头晕', 4],
]); // prettier-ignore

/** Principal diagnoses of admissions. */
export const ADMISSIONS = table([
  ['J18.900', '肺炎', 12], ['I63.900', '脑梗死', 10], ['I25.100', '动脉粥样硬化性心脏病', 8],
  ['J44.100', '慢性阻塞性肺疾病伴急性加重', 6], ['K80.100', '胆囊结石伴胆囊炎', 4], ['K35.800', '急性阑尾炎', 3],
  ['S72.000', '股骨颈骨折', 3], ['C34.900', '肺恶性肿瘤', 3], ['C16.900', '胃恶性肿瘤', 2],
  ['C22.000', '肝细胞癌', 1], ['I50.900', '心力衰竭', 4],
  ['N20.000', '肾结石', 3], ['M51.200', '腰椎间盘突出', 4], ['H25.900', '老年性白内障', 3],
  ['K56.700', '肠梗阻', 2], ['I61.900', '脑出血', 2], ['S82.800', '小腿骨折', 2], ['N18.500', '慢性肾脏病5期', 1],
]); // prettier-ignore

export const CHILD_ADMISSIONS = table([
  ['J18.900', '肺炎', 40], ['J20.900', '急性支气管炎', 15], ['A09.900', '感染性腹泻', 10], ['P59.900', '新生儿黄疸', 8],
  ['K35.800', '急性阑尾炎', 4], ['S06.000', '脑震荡', 3], ['J35.300', '扁桃体和腺样体肥大', 5],
]); // prettier-ignore

/**
 * Underlying causes of death by age band (死因监测 2020: in 30–69, cancer, cardiovascular and chronic
 * respiratory disease and diabetes together ≈ 80% of deaths; injuries most of the rest).
 */
export const INFANT_DEATHS = table([
  ['P07.3', '早产', 30], ['Q24.9', '先天性心脏病', 20], ['P21.9', '出生窒息', 15], ['J18.9', '肺炎', 10],
  ['A41.9', '败血症', 8], ['W84', '意外窒息', 7], ['Q89.9', '其他先天性畸形', 10],
]); // prettier-ignore

export const CHILD_DEATHS = table([
  ['W69', '溺水', 25], ['V89.2', '道路交通事故', 25], ['C91.0', '急性淋巴细胞白血病', 12], ['Q24.9', '先天性心脏病', 10],
  ['J18.9', '肺炎', 8], ['W19', '跌倒', 8], ['G40.9', '癫痫', 5], ['C71.9', '脑恶性肿瘤', 7],
]); // prettier-ignore

export const ADULT_DEATHS = table([
  ['C34.9', '肺恶性肿瘤', 14], ['C16.9', '胃恶性肿瘤', 7], ['C22.0', '肝细胞癌', 8], ['C15.9', '食管恶性肿瘤', 5],
  ['C18.9', '结肠恶性肿瘤', 4], ['C50.9', '乳腺恶性肿瘤', 2], ['C25.9', '胰腺恶性肿瘤', 3],
  ['I21.9', '急性心肌梗死', 9], ['I61.9', '脑出血', 8], ['I63.9', '脑梗死', 7], ['I25.1', '动脉粥样硬化性心脏病', 3],
  ['J44.9', '慢性阻塞性肺疾病', 4], ['E11.9', '2型糖尿病', 3], ['K74.6', '肝硬化', 3], ['N18.5', '慢性肾脏病', 2],
  ['V89.2', '道路交通事故', 6], ['X70', '自缢', 3], ['W19', '跌倒', 2], ['A15.0', '肺结核', 1], ['G40.9', '癫痫', 1],
]); // prettier-ignore

export const ELDERLY_DEATHS = table([
  ['I63.9', '脑梗死', 14], ['I61.9', '脑出血', 8], ['I21.9', '急性心肌梗死', 10], ['I25.1', '动脉粥样硬化性心脏病', 8],
  ['I11.9', '高血压性心脏病', 4], ['J44.9', '慢性阻塞性肺疾病', 10], ['C34.9', '肺恶性肿瘤', 8],
  ['C16.9', '胃恶性肿瘤', 4], ['C22.0', '肝细胞癌', 3], ['C15.9', '食管恶性肿瘤', 3], ['E11.9', '2型糖尿病', 3],
  ['J18.9', '肺炎', 5], ['G30.9', '阿尔茨海默病', 3], ['W19', '跌倒', 4], ['N18.5', '慢性肾脏病', 2],
  ['K74.6', '肝硬化', 1], ['R54', '衰老', 3],
]); // prettier-ignore

export const MATERNAL_DEATHS = table([
  ['O72.1', '产后出血', 40], ['O88.1', '羊水栓塞', 25], ['O14.1', '重度子痫前期', 20], ['O99.4', '妊娠合并心脏病', 15],
]); // prettier-ignore

export function deathCauses(age: number): CodeTable {
  return age < 1 ? INFANT_DEATHS : age < 15 ? CHILD_DEATHS : age < 70 ? ADULT_DEATHS : ELDERLY_DEATHS;
}
