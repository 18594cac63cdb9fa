/**
 * The printable Chinese report as one self-contained HTML document (inline CSS and SVG, no network): summary,
 * indicator table, a chart per row at risk or off track, and the rules used. pdf.ts prints this same page.
 */
import { STATUS_LABELS } from '../../domain/plan/assessment.js';
import { fmt } from '../../domain/plan/target-value.js';
import type { MonitoredRow, PlanMonitoring } from '../plan-monitoring.js';
import { escapeXml as esc, trendChartSvg } from './chart-svg.js';
import {
  actualOf,
  attentionRows,
  chartedRows,
  NATURE_LABELS,
  reportTitle,
  STATUS_COLOURS,
  statusLabel,
  SUMMARY_STATUSES,
  type ReportKind,
} from './model.js';

const CSS = `
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", sans-serif;
  font-size: 10.5pt; color: #222; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; border-left: 4px solid #1f4e78; padding-left: 6px; margin: 6mm 0 3mm; }
.meta { text-align: center; color: #555; margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #999; padding: 2px 4px; text-align: center; white-space: nowrap; }
th { background: #dce6f1; }
td.name { text-align: left; white-space: normal; }
tr { page-break-inside: avoid; }
.badge { padding: 0 4px; border-radius: 3px; white-space: nowrap; }
.counts span { display: inline-block; margin-right: 6mm; }
.chart { page-break-inside: avoid; margin: 2mm 0 5mm; }
.chart p { margin: 1mm 0; font-size: 9pt; color: #444; }
.notes { font-size: 9pt; color: #444; }
`;

export function reportHtml(m: PlanMonitoring, kind: ReportKind, generatedOn: string): string {
  const title = reportTitle(m, kind);
  const years = range(m.plan.period.start, m.plan.period.end);
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>
<body>
<h1>${esc(title)}</h1>
<div class="meta">${esc(m.plan.region.name)}（${esc(m.plan.region.code ?? '—')}） · 规划期 ${m.plan.period.start}–${m.plan.period.end}年 · 评估年度 ${m.year}年 · 生成日期 ${esc(generatedOn)}</div>
<h2>一、总体情况</h2>
${summaryHtml(m)}
<h2>二、主要指标监测表</h2>
${tableHtml(m, years)}
<h2>三、风险指标趋势</h2>
${chartsHtml(m)}
<h2>四、说明</h2>
<div class="notes">
<p>实际值取值规则：${esc(m.rule.zh)}</p>
<p>评估方法：期望值为基期值至${m.plan.period.end}年目标的线性路径在实际值年份的取值；差距为正表示好于路径；预测为基期值与历年实际值的最小二乘线性趋势外推至${m.plan.period.end}年。
状态依次判定：无法量化评估（定性或未设定目标）、暂无数据、已达标、（总结评估时未达标即进度滞后）、符合进度（预测可达标或不落后于路径）、存在风险（落后路径在容差以内）、进度滞后。约束性指标进度滞后者单列。</p>
</div>
</body></html>
`;
}

function summaryHtml(m: PlanMonitoring): string {
  const total = m.rows.length;
  const counts = SUMMARY_STATUSES.map((s) => `<span>${badge(s)} <b>${m.counts[s]}</b> 项</span>`).join('');
  const rest = `暂无数据 ${m.counts['no-data']} 项，无法量化评估 ${m.counts['not-assessable']} 项`;
  const attention = attentionRows(m);
  const list = attention.length
    ? `<table><tr><th>指标</th><th>性质</th><th>状态</th><th>原因</th></tr>${attention
        .map(
          (r) =>
            `<tr><td class="name">${esc(label(r))}</td><td>${nature(r)}</td><td>${badge(r.assessment.status)}</td><td class="name">${esc(r.assessment.reason.zh)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p>无存在风险或进度滞后的指标。</p>';
  return `<p>主要指标共 ${total} 项。</p>
<p class="counts">${counts}</p>
<p>${rest}。约束性指标 ${m.binding.total} 项，其中进度滞后 ${m.binding.offTrack} 项${m.binding.offTrack ? '（列于下表之首）' : ''}。</p>
${list}`;
}

function tableHtml(m: PlanMonitoring, years: number[]): string {
  const head = `<tr><th>领域</th><th>序号</th><th>指标</th><th>单位</th><th>性质</th><th>基期值</th><th>${m.plan.period.end}年目标</th>${years
    .map((y) => `<th>${y}</th>`)
    .join('')}<th>期望值</th><th>差距</th><th>${m.plan.period.end}年预测</th><th>状态</th></tr>`;
  const rows = m.rows.map((r) => {
    const a = r.assessment;
    const cells = [
      esc(r.domain ?? ''),
      esc(r.seq ?? ''),
      `<td class="name">${esc(r.name)}${r.marks.length ? esc(r.marks.join('')) : ''}</td>`,
      esc(r.unit ?? ''),
      nature(r),
      r.baseline
        ? `${esc(r.baseline.text)}${r.baseline.year !== m.plan.period.start - 1 ? `（${r.baseline.year}）` : ''}`
        : '',
      esc(a.target.text),
      ...years.map((y) => num(y <= m.year ? actualOf(r, y) : null)),
      num(a.expected),
      num(a.gap),
      num(a.projection.value),
      badge(a.status),
    ];
    return `<tr>${cells.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`;
  });
  return `<table>${head}${rows.join('\n')}</table>`;
}

function chartsHtml(m: PlanMonitoring): string {
  const rows = chartedRows(m);
  if (!rows.length) return '<p>本年度无存在风险或进度滞后的指标。</p>';
  return rows
    .map((r) => {
      const a = r.assessment;
      const from = a.pathStart
        ? Math.min(a.pathStart.year, m.plan.period.start - 1)
        : m.plan.period.start - 1;
      const actuals = r.actuals.flatMap((x) =>
        x.chosen && x.year >= from && x.year <= m.year ? [{ year: x.year, value: x.chosen.value }] : [],
      );
      const svg = trendChartSvg({
        title: `${r.seq ? `${r.seq}. ` : ''}${r.name}`,
        unit: r.unit,
        from,
        to: m.plan.period.end,
        expected: [...(a.pathStart ? [a.pathStart] : []), ...a.expectedPath],
        actuals,
        projection:
          a.actual && a.projection.value !== null
            ? { from: a.actual, to: { year: a.projection.year, value: a.projection.value } }
            : null,
        target: a.goal?.accept ?? null,
      });
      return `<div class="chart">${svg}<p>${badge(a.status)} ${esc(a.reason.zh)}</p></div>`;
    })
    .join('\n');
}

function badge(status: keyof typeof STATUS_LABELS): string {
  const c = STATUS_COLOURS[status];
  return `<span class="badge" style="background:#${c.fill};color:#${c.text}">${statusLabel(status)}</span>`;
}

function nature(r: MonitoredRow): string {
  const n = r.assessment.nature;
  return n ? (n === 'binding' ? `<b>${NATURE_LABELS[n]}</b>` : NATURE_LABELS[n]!) : '';
}

function label(r: MonitoredRow): string {
  return `${r.seq ? `${r.seq}. ` : ''}${r.name}`;
}

function num(x: number | null): string {
  return x === null ? '' : fmt(x);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
