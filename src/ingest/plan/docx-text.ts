import mammoth from 'mammoth';

/** The subset of mammoth's document model that carries text (mammoth types it as `any`). */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
  rowSpan?: number;
  colSpan?: number;
}

/**
 * A .docx as plain text in the same flattened form as the published text exports: one paragraph a line,
 * and tables as one cell a line with a leading tab, paragraphs inside a cell on following lines, a blank
 * line after each row. Mammoth's own raw text puts a blank line after every cell, which loses the rows.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  let root: DocxElement | undefined;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (document: DocxElement) => {
        root = document;
        return document;
      },
    },
  );
  const out: string[] = [];
  for (const element of root?.children ?? []) writeBlock(element, out);
  return out.join('\n') + '\n';
}

function writeBlock(element: DocxElement, out: string[]): void {
  if (element.type === 'table') writeTable(element, out);
  // A leading tab would read as a table cell; outside tables it is only indentation.
  else if (element.type === 'paragraph') out.push(inlineText(element).replace(/^\t+/, ''));
  else for (const child of element.children ?? []) writeBlock(child, out);
}

function writeTable(table: DocxElement, out: string[]): void {
  // Mammoth drops the continuation cells of a vertical merge; print them empty, as the text exports do.
  const spanLeft: number[] = [];
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells = (row.children ?? []).filter((cell) => cell.type === 'tableCell');
    let column = 0;
    const takeMerged = () => {
      while ((spanLeft[column] ?? 0) > 0) {
        spanLeft[column] = (spanLeft[column] ?? 0) - 1;
        out.push('\t');
        column++;
      }
    };
    for (const cell of cells) {
      takeMerged();
      const paragraphs = (cell.children ?? []).map(inlineText).filter((text) => text.trim() !== '');
      out.push('\t' + (paragraphs[0] ?? ''), ...paragraphs.slice(1));
      const span = cell.colSpan ?? 1;
      // A horizontal merge keeps its text in the first column; the others print empty to keep the count.
      for (let i = 1; i < span; i++) out.push('\t');
      for (let i = 0; i < span; i++) spanLeft[column + i] = (cell.rowSpan ?? 1) - 1;
      column += span;
    }
    takeMerged();
    out.push('');
  }
}

function inlineText(element: DocxElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  if (element.type === 'break') return '\n';
  if (element.type === 'table') {
    const nested: string[] = [];
    writeTable(element, nested);
    return nested.join('\n');
  }
  return (element.children ?? []).map(inlineText).join('');
}
