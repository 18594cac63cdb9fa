/**
 * The national immunization programme schedule for children (国家免疫规划疫苗儿童免疫程序及说明,
 * 2021 edition): vaccine, dose number and age in months when the dose is due. Used for doses due (应种)
 * when the county has no due-dose list from its immunization information system.
 */
export interface ScheduledDose {
  vaccine: string;
  dose: number;
  ageMonths: number;
}

const doses = (vaccine: string, ...ages: number[]): ScheduledDose[] =>
  ages.map((ageMonths, i) => ({ vaccine, dose: i + 1, ageMonths }));

export const IMMUNIZATION_SCHEDULE: readonly ScheduledDose[] = [
  ...doses('HepB', 0, 1, 6),
  ...doses('BCG', 0),
  ...doses('IPV', 2, 3),
  ...doses('bOPV', 4, 48),
  ...doses('DTaP', 3, 4, 5, 18),
  ...doses('DT', 72),
  ...doses('MMR', 8, 18),
  ...doses('JE-L', 8, 24),
  ...doses('MPSV-A', 6, 9),
  ...doses('MPSV-AC', 36, 72),
  ...doses('HepA-L', 18),
];
