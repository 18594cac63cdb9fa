// The plausibility table of the indicators bench: each computed indicator's county value for 2020 (and a
// later year, as the first MCH year of a county whose records start in January is short of its Oct–Dec
// quarter) beside the 2020 baselines printed in the five seed plans (samples/plans), for a person to judge.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFINITIONS } from '../src/domain/indicators/definitions/index.js';
import { readIndicators } from '../src/engine/index.js';
import type { Db } from '../src/store/db.js';

interface SamplePlan {
  region: { name: string };
  indicators: {
    indicatorId: string | null;
    baseline: { value: number | null; year: number | null } | null;
  }[];
}

const plansDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../samples/plans');

function baselines(): Map<string, string[]> {
  const byIndicator = new Map<string, string[]>();
  for (const file of readdirSync(plansDir).filter((f) => f.endsWith('.json'))) {
    const plan = JSON.parse(readFileSync(path.join(plansDir, file), 'utf8')) as SamplePlan;
    for (const row of plan.indicators) {
      const value = row.baseline?.value;
      if (!row.indicatorId || value === null || value === undefined) continue;
      const list = byIndicator.get(row.indicatorId) ?? [];
      list.push(`${file.replace('.json', '')} ${value}`);
      byIndicator.set(row.indicatorId, list);
    }
  }
  return byIndicator;
}

export async function plausibilityTable(db: Db, county: string, year: number, laterYear: number) {
  const read = async (y: number) =>
    new Map((await readIndicators(db, { region: county, years: [y] })).map((v) => [v.indicatorId, v]));
  const [values, later] = [await read(year), await read(laterYear)];
  const seeds = baselines();
  return DEFINITIONS.map((def) => {
    const v = values.get(def.id);
    const w = later.get(def.id);
    return {
      indicator: def.id,
      county: v ? v.display : '(no value)',
      countyLater: w ? w.display : '(no value)',
      seeds2020: (seeds.get(def.id) ?? []).join('; '),
    };
  });
}
