import type { Comparison, Target } from '../api/types';
import type { Message, MessageKey } from '../i18n/translate';
import { withUnit } from './value-with-unit';

const opKeys: Record<Comparison, MessageKey> = {
  '<': 'target.lt',
  '<=': 'target.le',
  '>': 'target.gt',
  '>=': 'target.ge',
};

// Floating sums such as 80 - 0.1 print as 79.9, not 79.89999999999999.
const tidy = (n: number) => String(Number(n.toFixed(6)));

function unitOf(target: { percent: boolean; unit?: string }, rowUnit: string | null): string {
  if (target.percent) return '%';
  return target.unit ?? rowUnit ?? '';
}

/**
 * What a parsed target means, as messages to translate and join: the hover text beside the target as printed.
 * `baselineYear` stands in for a relative target that names no base year (`减少15%` is against the baseline).
 */
export function targetMeaning(target: Target, rowUnit: string | null, baselineYear: number): Message[] {
  switch (target.kind) {
    case 'bound': {
      const parts: Message[] = [
        { key: opKeys[target.op], params: { value: withUnit(tidy(target.value), unitOf(target, rowUnit)) } },
      ];
      if (target.scope) parts.push({ key: 'target.scope', params: { scope: target.scope } });
      return parts;
    }
    case 'exact':
      return [
        { key: 'target.exact', params: { value: withUnit(tidy(target.value), unitOf(target, rowUnit)) } },
      ];
    case 'approx': {
      const unit = unitOf(target, rowUnit);
      return [
        {
          key: 'target.approx',
          params: {
            value: withUnit(tidy(target.value), unit),
            min: tidy(target.value - target.tolerance),
            max: withUnit(tidy(target.value + target.tolerance), unit),
          },
        },
      ];
    }
    case 'range': {
      const unit = unitOf(target, rowUnit);
      return [
        { key: 'target.range', params: { min: tidy(target.min), max: withUnit(tidy(target.max), unit) } },
      ];
    }
    case 'ratio':
      return [{ key: 'target.ratio', params: { left: tidy(target.left), right: tidy(target.right) } }];
    case 'relative':
    case 'points': {
      const baseYear = target.baseYear ?? baselineYear;
      const change: Message =
        target.kind === 'relative'
          ? {
              key: `target.relative.${target.direction}` as const,
              params: { baseYear, percent: tidy(target.percent) },
            }
          : {
              key: `target.points.${target.direction}` as const,
              params: { baseYear, points: tidy(target.points) },
            };
      return target.baseValue === null
        ? [change]
        : [change, { key: 'target.baseValue', params: { value: tidy(target.baseValue) } }];
    }
    case 'benchmark':
      return [{ key: opKeys[target.op], params: { value: target.benchmark } }];
    case 'proportional':
      return [{ key: `target.proportional.${target.direction}` }];
    case 'notSet':
      return [{ key: 'target.notSet' }];
    case 'qualitative':
      return [{ key: target.direction ? `target.qualitative.${target.direction}` : 'target.qualitative' }];
  }
}
