import path from 'node:path';
import iconv from 'iconv-lite';
import { WeijianError } from '../../domain/errors.js';
import { docxToText } from './docx-text.js';

const MAX_TEXT_BYTES = 20 * 1024 * 1024;
const MAX_DOCX_BYTES = 100 * 1024 * 1024;

const SUPPORTED = 'supported formats: .txt (UTF-8, GBK/GB18030 or UTF-16 with BOM) and .docx';
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);
/** Share of control or replacement characters above which a "text" is really something else. */
const MAX_JUNK_SHARE = 0.001;

/**
 * The text of a plan document and the encoding it was read in. Fails with a WeijianError for an empty,
 * oversized, binary or undecodable file and for formats the importer cannot read.
 */
export async function decodePlanDocument(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ text: string; encoding: string }> {
  const extension = path.extname(fileName).toLowerCase();
  const isDocx = extension === '.docx';
  if (!isDocx && !TEXT_EXTENSIONS.has(extension)) {
    throw new WeijianError('plan.unsupported-format', `cannot read ${extension} files; ${SUPPORTED}`, {
      file: fileName,
    });
  }
  assertPlanSize(bytes.byteLength, fileName);
  if (bytes.byteLength === 0)
    throw new WeijianError('plan.empty-file', 'the file is empty', { file: fileName });

  const decoded = isDocx ? await readDocx(bytes, fileName) : decodeText(bytes, fileName);
  if (decoded.text.trim() === '') {
    throw new WeijianError('plan.empty-file', 'the file contains no text', { file: fileName });
  }
  return decoded;
}

/** Checks a size before reading the bytes, so callers holding only a file size can refuse early too. */
export function assertPlanSize(byteLength: number, fileName: string): void {
  const limit = path.extname(fileName).toLowerCase() === '.docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  if (byteLength > limit) {
    throw new WeijianError(
      'plan.too-large',
      `the file has ${mebibytes(byteLength)} MB; the limit for this format is ${mebibytes(limit)} MB`,
      { file: fileName },
      413,
    );
  }
}

async function readDocx(bytes: Uint8Array, fileName: string): Promise<{ text: string; encoding: string }> {
  try {
    return { text: await docxToText(bytes), encoding: 'docx' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WeijianError('plan.unreadable-docx', `not a readable .docx file (${reason})`, {
      file: fileName,
    });
  }
}

function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return checked(iconv.decode(buffer, 'utf-16le'), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return checked(iconv.decode(buffer, 'utf-16be'), 'utf-16be');
  // UTF-16 without a BOM is full of NULs too; only the BOM tells it from binary.
  if (buffer.includes(0)) throw binary(fileName, 'it contains NUL bytes');

  const utf8 = decodeUtf8(buffer);
  if (utf8 !== null) return checked(utf8, 'utf-8');
  // Not UTF-8: GB18030, a superset of GBK and GB2312. (jschardet was tried for Big5 and other legacy
  // encodings; its confidence on Big5 plans is 0.4-0.6, too close to noise to act on.)
  return checked(iconv.decode(buffer, 'gb18030'), 'gb18030');

  function checked(text: string, encoding: string): { text: string; encoding: string } {
    const junk = countJunk(text);
    if (junk > text.length * MAX_JUNK_SHARE) {
      throw binary(fileName, `${junk} control or undecodable characters when read as ${encoding}`);
    }
    return { text, encoding };
  }
}

/** Valid UTF-8 (BOM removed) or null. */
function decodeUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return null;
  }
}

function countJunk(text: string): number {
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c;
    if (control || code === 0xfffd) junk++;
  }
  return junk;
}

function binary(fileName: string, reason: string): WeijianError {
  return new WeijianError('plan.not-text', `not a text document: ${reason}; ${SUPPORTED}`, {
    file: fileName,
  });
}

function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
