// Expands the compact table into entries with parents and full paths, and the
// lookup maps the resolver needs. Built once per table object (WeakMap cache):
// the parser resolves hundreds of reports per second and must not redo this.
import { divisionStem } from './stem';
import type { DivisionEntry, DivisionLevel, DivisionTable } from './types';

export interface DivisionIndex {
  byCode: Map<string, DivisionEntry>;
  /** Full name → entries (several places share names: two 城关镇). */
  byName: Map<string, DivisionEntry[]>;
  /** Stem (name without suffix) → entries. */
  byStem: Map<string, DivisionEntry[]>;
  maxNameLen: number;
  maxStemLen: number;
  /** First two characters of every province/city/county name: lets a text scan skip most positions. */
  upperHeads: Set<string>;
}

// The package fills the city level of 直辖市 and of 省直辖县 with placeholders
// (市辖区, 省直辖县级行政区划): not names anyone writes, so they are left out of
// the paths and the name lookups.
function isPlaceholder(name: string): boolean {
  return name === '市辖区' || name === '县' || name.includes('直辖');
}

const cache = new WeakMap<DivisionTable, DivisionIndex>();

export function divisionIndex(table: DivisionTable): DivisionIndex {
  let idx = cache.get(table);
  if (!idx) {
    idx = build(table);
    cache.set(table, idx);
  }
  return idx;
}

function build(table: DivisionTable): DivisionIndex {
  const idx: DivisionIndex = {
    byCode: new Map(),
    byName: new Map(),
    byStem: new Map(),
    maxNameLen: 0,
    maxStemLen: 0,
    upperHeads: new Set(),
  };
  const add = (code: string, name: string, level: DivisionLevel, parent: DivisionEntry | null) => {
    const placeholder = isPlaceholder(name);
    // A county-level entry named like its city (东莞市 under 东莞市) is the same
    // place: the path names it once and lookups find the city.
    const sameAsParent = parent !== null && parent.name === name;
    const path = parent === null ? name : placeholder || sameAsParent ? parent.path : parent.path + name;
    const entry: DivisionEntry = { code, name, level, parent, path, stem: placeholder ? null : divisionStem(name) };
    idx.byCode.set(code, entry);
    if (!placeholder && !sameAsParent) {
      push(idx.byName, name, entry);
      if (level !== 'township') idx.upperHeads.add(name.slice(0, 2));
      idx.maxNameLen = Math.max(idx.maxNameLen, name.length);
      if (entry.stem !== null) {
        push(idx.byStem, entry.stem, entry);
        idx.maxStemLen = Math.max(idx.maxStemLen, entry.stem.length);
      }
    }
    return entry;
  };
  for (const [code, name] of Object.entries(table.provinces)) add(code, name, 'province', null);
  for (const [code, name] of Object.entries(table.cities)) add(code, name, 'city', parentOf(idx, code, 2));
  for (const [code, name] of Object.entries(table.areas)) add(code, name, 'county', parentOf(idx, code, 4));
  for (const [area, packed] of Object.entries(table.streets)) {
    const parent = parentOf(idx, area, 6);
    for (const item of packed.split('|')) add(area + item.slice(0, 3), item.slice(3), 'township', parent);
  }
  return idx;
}

function parentOf(idx: DivisionIndex, code: string, len: number): DivisionEntry {
  const p = idx.byCode.get(code.slice(0, len));
  if (!p) throw new Error(`division table: ${code} has no parent`);
  return p;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** True when `a` is `d` or one of its ancestors (codes nest by prefix). */
export function isAncestorOrSelf(a: DivisionEntry, d: DivisionEntry): boolean {
  return d.code.startsWith(a.code);
}
