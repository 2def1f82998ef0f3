// Resolves a report's unit title (城关镇人民政府, 某市某区人民政府,
// 某县发展和改革局, 某市科委, 某某综合实验区) to the administrative division
// it belongs to. Browser-safe: the table is passed in (see load.ts for Node).
//
// 1. Find division names in the title, left to right: full names anywhere
//    (某县级市, 城关镇), or at the very start a stem (某市 in 某市科委, 某地 in
//    某某综合实验区 — a zone named after its county). Later names count only when
//    they lie inside the place named before them, so a department's words cannot
//    drag the answer elsewhere, and the earlier names narrow the later ones.
// 2. With no name in the title, take the division named most often near the top
//    of the text.
// 3. Names repeat across China (two 城关镇): score each candidate by how much of
//    its ancestry the text names (某县级市, 某地级市, 黑龙江). A tie leaves code null
//    with the candidates: an empty code is better than a guessed one.
import { divisionIndex, isAncestorOrSelf, type DivisionIndex } from './indexes';
import type { DivisionEntry, DivisionTable, ResolveInput, ResolveResult } from './types';

interface Found {
  /** The words the entries were found by (a name or a stem). */
  label: string;
  byStem: boolean;
  entries: DivisionEntry[];
}

const LEVELS: ReadonlySet<string> = new Set(['province', 'city', 'county', 'township']);
// How far into the text to look for a unit-less report's division (the title
// and first paragraph name it; deeper text names other places).
const TEXT_HEAD = 1500;
const TEXT_NAME_MAX = 8;

export function resolveDivision(input: ResolveInput, table: DivisionTable): ResolveResult {
  const idx = divisionIndex(table);
  const text = input.text ?? '';
  const exact = fromTitle(input.unit ?? '', idx);
  const found = misprinted(input.unit ?? '', exact, idx, text) ?? exact ?? fromText(text, idx);
  if (!found) return { name: null, code: null, level: null };

  let cands = collapse(found.entries);
  if (input.level && LEVELS.has(input.level)) cands = prefer(cands, (e) => e.level === input.level);
  else if (found.byStem) {
    // A stem says nothing about the level; the title's own last word does: a
    // 某某综合实验区 is a 区 (county level or above), not the 同名的镇 elsewhere.
    const word = titleLevelWord(input.unit ?? '');
    if (word === 'township') cands = prefer(cands, (e) => e.level === 'township');
    else if (word === 'above') cands = prefer(cands, (e) => e.level !== 'township');
  }
  if (cands.length > 1) cands = bestByContext(cands, found, text);
  if (cands.length === 1) return { name: cands[0].path, code: cands[0].code, level: cands[0].level };

  const levels = new Set(cands.map((e) => e.level));
  return {
    name: found.label,
    code: null,
    level: levels.size === 1 ? cands[0].level : null,
    candidates: cands.map((e) => e.path),
    candidateCodes: cands.map((e) => e.code),
  };
}

/** The entries passing `ok`, unless none does. */
function prefer(cands: DivisionEntry[], ok: (e: DivisionEntry) => boolean): DivisionEntry[] {
  const kept = cands.filter(ok);
  return kept.length > 0 ? kept : cands;
}

// Organisation words that follow the place word in a unit title.
const ORG_TAIL = /(?:人民政府|政府|党工委|管委会|管理委员会|委员会|办公室|办事处)+$/;

/** Whether the title's place word is a township (…镇) or above it (…区/县/市), if it says. */
function titleLevelWord(unit: string): 'township' | 'above' | null {
  const t = unit.replace(/\s+/g, '').replace(ORG_TAIL, '');
  if (/(?:镇|乡|街道|苏木)$/.test(t)) return 'township';
  if (/(?:区|县|市|州|盟|旗)$/.test(t)) return 'above';
  return null;
}

function fromTitle(unit: string, idx: DivisionIndex): (Found & { end: number }) | null {
  const title = unit.replace(/\s+/g, '');
  let cur: (Found & { end: number }) | null = null;
  for (let i = 0; i < title.length; ) {
    let next: Found | null = null;
    const full = longestAt(title, i, idx.byName, idx.maxNameLen);
    if (full !== null) next = { label: full, byStem: false, entries: idx.byName.get(full)! };
    else if (i === 0) {
      // Stems only at the start: inside a title they are mostly ordinary words (人民, 发展).
      const stem = longestAt(title, 0, idx.byStem, idx.maxStemLen);
      if (stem !== null) next = { label: stem, byStem: true, entries: idx.byStem.get(stem)! };
    }
    if (next === null) {
      i++;
      continue;
    }
    if (cur === null) cur = { ...next, end: i + next.label.length };
    else {
      const prev: DivisionEntry[] = cur.entries;
      const inside = next.entries.filter((e) => prev.some((a) => a !== e && isAncestorOrSelf(a, e)));
      if (inside.length > 0) cur = { ...next, entries: inside, end: i + next.label.length };
    }
    i += next.label.length;
  }
  return cur;
}

// The place word right after the title's last known one: 沐阳县 printed for 沭阳县 by OCR.
const PLACE_END = /(?:县|区|市|镇|乡|旗|街道)$/;

/**
 * A place word one character off every division's name (OCR: 沐 for 沭) is taken for the
 * division it is one character from, but only where that is a single division whose province
 * or city the title or text names (or inside the place the title named before it). Several
 * such divisions: the name as printed, no code. The word must follow the title's known places
 * directly, so a department's words (开发区) are not bent into a place.
 */
function misprinted(unit: string, exact: (Found & { end: number }) | null, idx: DivisionIndex, text: string): Found | null {
  if (exact?.entries.every((e) => e.level === 'township')) return null;
  const title = unit.replace(/\s+/g, '');
  const at = exact?.end ?? 0;
  for (let len = Math.min(idx.maxNameLen, title.length - at); len >= 3; len--) {
    const word = title.slice(at, at + len);
    if (!PLACE_END.test(word) || idx.byName.has(word)) continue;
    const cands = new Set<DivisionEntry>();
    const near = misspelt(idx);
    for (let p = 0; p < len - 1; p++) for (const e of near.get(word.slice(0, p) + '?' + word.slice(p + 1)) ?? []) cands.add(e);
    const named = (e: DivisionEntry) => {
      for (let a = e.parent; a !== null; a = a.parent) {
        if (exact?.entries.includes(a) || text.includes(a.name) || title.includes(a.name) || (a.stem !== null && text.includes(a.stem))) return true;
      }
      return false;
    };
    const fits = collapse([...cands].filter((e) => (!exact || exact.entries.some((a) => isAncestorOrSelf(a, e))) && named(e)));
    if (fits.length > 0) return { label: fits.length === 1 ? fits[0].name : word, byStem: false, entries: fits };
  }
  return null;
}

const nearCache = new WeakMap<DivisionIndex, Map<string, DivisionEntry[]>>();

/** Every name of three or more characters with one character (not its last) as a wildcard. */
function misspelt(idx: DivisionIndex): Map<string, DivisionEntry[]> {
  let m = nearCache.get(idx);
  if (m) return m;
  m = new Map();
  for (const [name, entries] of idx.byName) {
    if (name.length < 3) continue;
    for (let p = 0; p < name.length - 1; p++) push(m, name.slice(0, p) + '?' + name.slice(p + 1), entries);
  }
  nearCache.set(idx, m);
  return m;
}

function push(m: Map<string, DivisionEntry[]>, key: string, entries: DivisionEntry[]): void {
  const list = m.get(key);
  if (list) list.push(...entries);
  else m.set(key, [...entries]);
}

function longestAt(s: string, i: number, map: Map<string, unknown>, maxLen: number): string | null {
  for (let len = Math.min(maxLen, s.length - i); len >= 2; len--) {
    const sub = s.slice(i, i + len);
    if (map.has(sub)) return sub;
  }
  return null;
}

function fromText(text: string, idx: DivisionIndex): Found | null {
  const head = text.slice(0, TEXT_HEAD);
  const counts = new Map<string, number>();
  for (let i = 0; i < head.length; i++) {
    if (!idx.upperHeads.has(head.slice(i, i + 2))) continue;
    for (let len = Math.min(TEXT_NAME_MAX, head.length - i); len >= 2; len--) {
      const sub = head.slice(i, i + len);
      const list = idx.byName.get(sub);
      // Townships are left out: their short names are common words in running text.
      if (list && list.some((e) => e.level !== 'township')) {
        counts.set(sub, (counts.get(sub) ?? 0) + 1);
        i += len - 1;
        break;
      }
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, n] of counts) {
    if (n > bestCount) [best, bestCount] = [name, n];
    else if (n === bestCount) best = null; // two places named equally often: no answer
  }
  if (best === null) return null;
  return { label: best, byStem: false, entries: idx.byName.get(best)!.filter((e) => e.level !== 'township') };
}

/** Drops entries whose ancestor is also a candidate: the higher one is the place meant. */
function collapse(entries: DivisionEntry[]): DivisionEntry[] {
  const uniq = [...new Set(entries)];
  return uniq.filter((e) => !uniq.some((a) => a !== e && isAncestorOrSelf(a, e)));
}

/** The candidates whose ancestry the text names best; all of them on a tie. */
function bestByContext(cands: DivisionEntry[], found: Found, text: string): DivisionEntry[] {
  // Candidates share ancestors (hundreds of 城关镇, few provinces): search the text once per word.
  const seen = new Map<string, boolean>();
  const mentions = (word: string) => {
    let hit = seen.get(word);
    if (hit === undefined) seen.set(word, (hit = namesItsOwn(text, word)));
    return hit;
  };
  let best: DivisionEntry[] = [];
  let bestScore = 0;
  for (const e of cands) {
    const s = contextScore(e, found, mentions);
    if (s > bestScore) [best, bestScore] = [[e], s];
    else if (s === bestScore && s > 0) best.push(e);
  }
  return bestScore > 0 ? best : cands;
}

/** Words that put a place named after them elsewhere than the reporting body: 赴深圳学习, 接待深圳来访. */
const ELSEWHERE_BEFORE = /(?:赴|前往|去往|到访|来自|接待|考察|学习|交流|对口|结对|帮扶|援建|协作|兄弟|走访)[^，。；、\n]{0,6}$/;
const ELSEWHERE_AFTER = /^[^，。；、\n]{0,6}?(?:来访|考察团|代表团|学习团|客人)/;

/**
 * Whether the text names `word` as the body's own place at least once: a place it visited, or
 * whose visitors it received, is another body's (a 南山区 that went to learn from 深圳市南山区).
 */
function namesItsOwn(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text.slice(Math.max(0, i - 12), i);
    const after = text.slice(i + word.length, i + word.length + 12);
    if (!ELSEWHERE_BEFORE.test(before) && !ELSEWHERE_AFTER.test(after)) return true;
  }
  return false;
}

function contextScore(e: DivisionEntry, found: Found, mentions: (word: string) => boolean): number {
  let score = 0;
  // Found by a stem (某地): the text printing the full name (同名的县) speaks for it.
  if (found.byStem && mentions(e.name)) score += 2;
  for (let a = e.parent; a !== null; a = a.parent) {
    if (a.parent !== null && a.path === a.parent.path) continue; // a placeholder (市辖区): nothing to look for
    if (mentions(a.name)) score += 3;
    else if (a.stem !== null && mentions(a.stem)) score += 1;
  }
  return score;
}
