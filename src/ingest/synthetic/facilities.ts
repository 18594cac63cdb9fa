import { shortName } from '../../domain/region/names.js';
import { getRegion, listChildren, listCounties } from '../region/divisions.js';
import { RESOURCES } from './rates.js';
import { Random } from './random.js';
import type { RegionPlan } from './regions.js';
import type { RowBuffer } from './row-buffer.js';
import type { CountyModel, Facility, Ids, OutsideFacility, Town, Village } from './model.js';

/**
 * The facility mix of the seed counties: one or two public general hospitals, a TCM hospital, an MCH
 * hospital, a psychiatric hospital, private hospitals and clinics, a township health centre or community
 * health centre per town, a clinic or health station per village, and the public-health institutions.
 */
export function buildCounty(code: string, residents: number, plan: RegionPlan, ids: Ids, random: Random) {
  const region = getRegion(code)!;
  // Real county facilities carry the full county name: 通州区人民医院, 江阴市中医院.
  const short = region.name;
  const seat = plan.towns[0]!;
  const seatCode = seat.villages[0]!.region.code;
  const facilities: Facility[] = [];
  const large = residents >= 800_000;
  const add = (f: Omit<Facility, 'id' | 'code' | 'doctors'>): Facility => {
    const id = ids.take('facilities');
    const kind = String(KINDS.indexOf(f.type) + 10);
    const facility = { ...f, id, code: `PDY${String(id).padStart(5, '0')}X${code}${kind}A1001`, doctors: [] };
    facilities.push(facility);
    return facility;
  };
  const beds = RESOURCES.beds * (residents / 1000);
  const county = (
    type: string,
    name: string,
    share: number,
    staffWeight: number,
    grade: Grade = [null, null],
  ) =>
    add({
      type,
      name,
      ownership: 'public',
      primaryCare: false,
      gradeLevel: grade[0],
      gradeClass: grade[1],
      regionCode: seatCode,
      beds: Math.round(beds * share),
      staffWeight,
    });

  const hospitalCount = residents >= 300_000 ? 2 : 1;
  const generalHospitals = [
    county(
      'general_hospital',
      `${short}人民医院`,
      0.5 / hospitalCount,
      0.38 / hospitalCount,
      large ? [3, 'b'] : [2, 'a'],
    ),
  ];
  if (hospitalCount === 2)
    generalHospitals.push(county('general_hospital', `${short}第二人民医院`, 0.25, 0.19, [2, 'a']));
  const tcmHospital = county('tcm_hospital', `${short}中医院`, 0.15, 0.11, large ? [3, 'b'] : [2, 'a']);
  const mchHospital = county('mch_hospital', `${short}妇幼保健院`, 0.05, 0.05, [2, 'a']);
  const psychiatricHospital = county('specialised_hospital', `${short}第四人民医院`, 0.06, 0.025, [2, 'b']);
  county('cdc', `${short}疾病预防控制中心`, 0, 0.02);
  county('health_supervision', `${short}卫生监督所`, 0, 0.005);
  county('emergency_centre', `${short}急救中心`, 0, 0.01);

  const privateCount = Math.max(1, Math.round(residents / 250_000));
  const privateHospitals = Array.from({ length: privateCount }, (_, i) =>
    add({
      type: i % 3 === 2 ? 'specialised_hospital' : 'general_hospital',
      name: `${short}${PRIVATE_NAMES[i % PRIVATE_NAMES.length]}`,
      ownership: 'private',
      primaryCare: false,
      gradeLevel: i === 0 ? 2 : 1,
      gradeClass: null,
      regionCode: plan.towns[i % plan.towns.length]!.villages[0]!.region.code,
      beds: Math.round((beds * 0.1) / privateCount),
      staffWeight: 0.06 / privateCount,
    }),
  );

  const townWeights = plan.towns.map((t) => t.villages.reduce((s, v) => s + v.weight, 0));
  const totalWeight = townWeights.reduce((a, b) => a + b, 0);
  const towns: Town[] = [];
  const villages: Village[] = [];
  const privateClinics: Facility[] = [];
  const clinicsPerTown = Math.max(1, Math.round(residents / 8000 / plan.towns.length));
  plan.towns.forEach((t, ti) => {
    const share = townWeights[ti]! / totalWeight;
    const townShort = t.region.name.replace(/(街道|镇|乡)$/, '');
    const centre = add({
      type: t.street ? 'community_health_centre' : 'township_health_centre',
      name: t.street ? `${t.region.name}社区卫生服务中心` : `${t.region.name}卫生院`,
      ownership: 'public',
      primaryCare: true,
      gradeLevel: t.street ? null : 1,
      gradeClass: t.street ? null : 'a',
      regionCode: t.villages[0]!.region.code,
      beds: Math.round(beds * 0.14 * share * (t.street ? 0.4 : 1.2)),
      staffWeight: 0.26 * share,
    });
    const town: Town = {
      index: ti,
      code: t.region.code,
      name: t.region.name,
      street: t.street,
      centre,
      villages: [],
    };
    towns.push(town);
    for (const v of t.villages) {
      const villageShort = v.region.name.replace(/(村民委员会|村委会|居民委员会|居委会)$/, '');
      const clinic = !v.urban
        ? add({
            type: 'village_clinic',
            name: `${townShort}镇${villageShort}村卫生室`.replace(/镇镇|村村/g, (m) => m[0]!),
            ownership: 'public',
            primaryCare: true,
            gradeLevel: null,
            gradeClass: null,
            regionCode: v.region.code,
            beds: 0,
            staffWeight: 0,
          })
        : random.chance(0.5)
          ? add({
              type: 'community_health_station',
              name: `${villageShort}社区卫生服务站`,
              ownership: 'public',
              primaryCare: true,
              gradeLevel: null,
              gradeClass: null,
              regionCode: v.region.code,
              beds: 0,
              staffWeight: 0.0004,
            })
          : null;
      const village: Village = {
        index: villages.length,
        code: v.region.code,
        name: v.region.name,
        town,
        urban: v.urban,
        clinic,
        weight: v.weight,
      };
      town.villages.push(village);
      villages.push(village);
    }
    for (let i = 0; i < clinicsPerTown; i++) {
      const outpatient = i % 4 === 3;
      privateClinics.push(
        add({
          type: outpatient ? 'outpatient_department' : 'clinic',
          name: outpatient
            ? `${townShort}${random.pick(CLINIC_OWNERS)}综合门诊部`
            : `${townShort}${random.pick(CLINIC_OWNERS)}${random.pick(CLINIC_KINDS)}诊所`,
          ownership: 'private',
          primaryCare: true,
          gradeLevel: null,
          gradeClass: null,
          regionCode: random.pick(t.villages).region.code,
          beds: 0,
          staffWeight: 0.07 / (clinicsPerTown * plan.towns.length),
        }),
      );
    }
  });
  const model: CountyModel = {
    code,
    name: region.name,
    shortName: short,
    towns,
    villages,
    facilities,
    generalHospitals,
    tcmHospital,
    mchHospital,
    psychiatricHospital,
    privateHospitals,
    privateClinics,
    outside: outsideFacilities(code),
    otherCounties: listCounties()
      .map((c) => c.code)
      .filter((c) => c.startsWith(code.slice(0, 2)) && c !== code && /[1-9]$/.test(c.slice(4))),
  };
  return model;
}

type Grade = [number | null, string | null];

const KINDS = [
  'general_hospital',
  'tcm_hospital',
  'mch_hospital',
  'specialised_hospital',
  'cdc',
  'health_supervision',
  'emergency_centre',
  'community_health_centre',
  'township_health_centre',
  'village_clinic',
  'community_health_station',
  'clinic',
  'outpatient_department',
];
const PRIVATE_NAMES = ['仁爱医院', '康复医院', '眼科医院', '博爱医院', '济民医院', '口腔医院'];
const CLINIC_OWNERS = ['仁和', '康宁', '济世', '惠民', '同济', '益康', '德信', '安和'];
const CLINIC_KINDS = ['中医', '内科', '口腔', '西医内科', '中西医结合'];

/** Where residents go outside the county: the city's and the province's big hospitals. */
function outsideFacilities(code: string): OutsideFacility[] {
  const city = getRegion(`${code.slice(0, 4)}00`);
  const province = getRegion(`${code.slice(0, 2)}0000`)!;
  const cityDistrict = listChildren(city?.code ?? '').find((c) => c.code !== code);
  const capital = listChildren(province.code)[0];
  const capitalDistrict = capital && listChildren(capital.code)[0];
  const out: OutsideFacility[] = [];
  if (city && cityDistrict && !city.name.endsWith('辖区')) {
    const c = shortName(city.name);
    out.push({ name: `${c}市第一人民医院`, countyCode: cityDistrict.code });
    out.push({ name: `${c}市中医院`, countyCode: cityDistrict.code });
    out.push({ name: `${c}市妇幼保健院`, countyCode: cityDistrict.code });
  }
  if (capitalDistrict) {
    const p = shortName(province.name);
    out.push({ name: `${p}省人民医院`, countyCode: capitalDistrict.code });
    out.push({ name: `${p}省肿瘤医院`, countyCode: capitalDistrict.code });
  }
  if (!out.length) out.push({ name: '外地医院', countyCode: code === '110101' ? '110102' : '110101' });
  return out;
}

/** Facility rows and their beds per year (growing like staff, with a little noise). */
export function writeFacilities(
  model: CountyModel,
  first: number,
  last: number,
  rows: RowBuffer,
  random: Random,
) {
  for (const f of model.facilities) {
    const hospital = f.type.endsWith('hospital');
    const opened =
      hospital && f.ownership === 'public'
        ? `19${50 + random.int(40)}-0${1 + random.int(9)}-01`
        : `20${String(random.int(20)).padStart(2, '0')}-0${1 + random.int(9)}-15`;
    rows.add('facilities', [
      model.code,
      f.id,
      f.code,
      f.name,
      f.type,
      f.ownership,
      f.gradeLevel,
      f.gradeClass,
      f.primaryCare,
      f.regionCode,
      f === model.generalHospitals[0] || f === model.tcmHospital,
      f.primaryCare && f.type !== 'clinic'
        ? f.type !== 'village_clinic' || random.chance(0.75)
        : f.type === 'tcm_hospital',
      opened,
      null,
    ]);
    if (!f.beds) continue;
    for (let year = first; year <= last; year++) {
      const beds = Math.round(
        f.beds * (1 + RESOURCES.growth) ** (year - first) * (1 + 0.02 * random.normal()),
      );
      rows.add('facility_beds', [model.code, f.id, year, beds, Math.round(beds * 1.1)]);
    }
  }
}
