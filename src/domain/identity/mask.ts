/**
 * Masking of personal identifiers in lists (full values only on a detail view the caller may see).
 * Positions are counted in code points so that rare characters (CJK Extension B, surrogate pairs) count once.
 */

/** Resident ID or another long number: first 4 and last 4 kept, `3206**********1234`. */
export function maskIdNumber(value: string): string {
  return maskMiddle(value.trim(), 4, 4);
}

/**
 * Phone: a mobile number keeps the first 3 and last 4 digits (`138****5678`), the usual form in Chinese
 * systems; other numbers keep only the last 4 digits.
 */
export function maskPhone(value: string): string {
  const phone = value.trim();
  if (/^(\+?86)?1\d{10}$/.test(phone)) {
    const local = phone.slice(-11);
    return phone.slice(0, -11) + local.slice(0, 3) + '****' + local.slice(7);
  }
  return maskMiddle(phone, 0, 4);
}

/**
 * Two-character surnames (复姓) kept whole, so `欧阳娜娜` → `欧阳**` and not `欧***`. Only applied to
 * names of three characters or more: `欧阳` alone is more likely surname 欧 and given name 阳.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '上官', '司马', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '独孤', '南宫', '西门', '万俟', '闻人', '端木', '百里', '呼延', '澹台', '公冶', '太史',
  '申屠', '钟离', '司空', '拓跋', '完颜', '赫连', '鲜于', '淳于', '单于', '东郭', '段干', '亓官', '左丘',
]); // prettier-ignore

/**
 * Name: the surname kept, every other character a `*` (`张*`, `张**`, `欧阳**`). The separators of
 * transliterated names (`·`, space) stay so the shape is readable: `阿不都·买买提` → `阿**·***`.
 */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return chars.join('');
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.map((c, i) => (i < keep || c === '·' || c === ' ' ? c : '*')).join('');
}

/** Keeps `head` and `tail` code points; when too short to hide anything, masks all but the last one. */
function maskMiddle(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) {
    return chars.map((c, i) => (i === chars.length - 1 ? c : '*')).join('');
  }
  return (
    chars.slice(0, head).join('') +
    '*'.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}
