import { allKinds, sheetKinds } from './kinds.js';
import { KIND_IDS, type KindId } from './sheet-kind.js';
import { workbookBuffer } from './workbook.js';

export type TemplateKind = KindId | 'all';

export const TEMPLATE_KINDS: readonly TemplateKind[] = [...KIND_IDS, 'all'];

/** A template kind by its English id (`beds`, `all`) or its sheet name (`床位`, `全部`); null if none. */
export function templateKindOf(name: string): TemplateKind | null {
  if ((TEMPLATE_KINDS as readonly string[]).includes(name)) return name as TemplateKind;
  if (name === '全部') return 'all';
  return allKinds.find((k) => k.sheetName === name)?.id ?? null;
}

/** File name of a template download: 卫健模板-床位.xlsx. */
export function templateFileName(kind: TemplateKind): string {
  return `卫健模板-${kind === 'all' ? '全部' : sheetKinds[kind].sheetName}.xlsx`;
}

/** An empty workbook to fill in: the kind's sheet (or all of them) with its headers, and 填表说明. */
export function templateWorkbook(kind: TemplateKind): Promise<Buffer> {
  const kinds = kind === 'all' ? allKinds : [sheetKinds[kind]];
  return workbookBuffer(
    kinds.map((k) => ({ kind: k, rows: [] })),
    { notes: true },
  );
}
