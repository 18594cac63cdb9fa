import { getIndicator } from '../../catalog/index.js';
import { DEFINITIONS, NOT_YET_COMPUTABLE } from './index.js';
import type { IndicatorDefinition } from './types.js';

/*
 * The indicator table of docs/indicators.md, written from the definitions so the two cannot drift
 * (docs.test.ts compares). One line per indicator: formula, population, period, levels, notes.
 */

const PERIOD = { calendar: 'calendar year', mch: 'MCH year (Oct–Sep; calendar too)', 'year-end': '31 Dec' };
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function notes(def: IndicatorDefinition): string {
  const parts: string[] = [];
  if (def.productRule) parts.push(`**product rule:** ${def.productRule}`);
  if (def.proxy) parts.push(`**proxy:** ${def.proxy}`);
  for (const [name, value] of Object.entries(def.parameters ?? {})) parts.push(`*${name}:* ${value}`);
  return parts.join('; ');
}

export function renderDefinitionsTable(): string {
  const rows = DEFINITIONS.map((def) => {
    const catalog = getIndicator(def.id)!;
    const period = PERIOD[def.period] + (def.quarterly ? ', quarters' : '');
    return `| \`${def.id}\` v${def.version} | ${catalog.nameZh} | ${cell(def.rule)} | ${def.population} | ${period} | ${def.levels.join(', ')} | ${cell(notes(def))} |`;
  });
  const pending = Object.entries(NOT_YET_COMPUTABLE).map(
    ([id, reason]) => `| \`${id}\` | ${getIndicator(id)!.nameZh} | ${reason} |`,
  );
  return [
    '| indicator | 指标 | formula (source) | population | period | levels | notes |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Marked computable in the catalog but not yet computed:',
    '',
    '| indicator | 指标 | what is missing |',
    '|---|---|---|',
    ...pending,
  ].join('\n');
}
