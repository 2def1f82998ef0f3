/**
 * Finding a unit by what a user types: part of its Chinese name (or its division's name), its
 * pinyin (`chaihe`), its initials (`chz`) or its division code (`231083`). The pinyin is
 * precomputed by the data build (dataset/search-keys.ts); here only strings are compared, so a
 * query over 44 k units costs a few milliseconds and no pinyin library reaches the page.
 *
 * Results are ranked: an exact name, then a name or code that starts with the query, then
 * pinyin or initials from the start, then a Chinese substring, then pinyin from a later syllable,
 * then initials from a later syllable. Within a rank an earlier match, then a shorter matched
 * name (or reading) wins: 淮安市 finds 淮安市人民政府 before 淮安市洪泽区人民政府.
 */

export interface SearchSource {
  /** Every title the unit reported under. */
  titles: readonly string[];
  division_name: string | null;
  division_code?: string | null;
  /** `unit_pinyin` values, readings separated by `|` (several titles: joined with `|`). */
  pinyin?: string | null;
  /** `unit_initials` values, same convention. */
  initials?: string | null;
}

interface Reading {
  /** Syllables run together: `chaihezhen`. */
  letters: string;
  /** starts[i] = 1 where a syllable begins at letters[i]. */
  starts: Uint8Array;
}

export interface SearchEntry {
  names: string[];
  place: string;
  code: string;
  readings: Reading[];
  initials: string[];
}

function reading(spaced: string): Reading {
  const letters = spaced.replaceAll(' ', '');
  const starts = new Uint8Array(letters.length);
  // A syllable starts at 0 and after each space.
  for (let i = 0, at = 0, fresh = true; i < spaced.length; i++) {
    if (spaced[i] === ' ') { fresh = true; continue; }
    if (fresh) starts[at] = 1;
    fresh = false;
    at++;
  }
  return { letters, starts };
}

const split = (s: string | null | undefined) => (s ? s.split('|') : []);

export function searchEntry(s: SearchSource): SearchEntry {
  return {
    names: s.titles as string[],
    place: s.division_name ?? '',
    code: s.division_code ?? '',
    readings: split(s.pinyin).map(reading),
    initials: split(s.initials),
  };
}

export type Query =
  | { kind: 'all' }
  | { kind: 'code'; digits: string }
  | { kind: 'latin'; letters: string; raw: string }
  | { kind: 'han'; text: string };

/** Spaces and apostrophes (xi'an) are ignored in pinyin; ü may be typed v or ü. */
export function parseQuery(q: string): Query {
  const t = q.trim();
  if (!t) return { kind: 'all' };
  if (/^\d+$/.test(t)) return { kind: 'code', digits: t };
  const latin = t.toLowerCase().replace(/ü/g, 'v');
  if (/^[a-z\s'’]+$/.test(latin)) return { kind: 'latin', letters: latin.replace(/[^a-z]/g, ''), raw: t.toLowerCase() };
  return { kind: 'han', text: t };
}

const NONE = Number.POSITIVE_INFINITY;
const RANK = { exact: 0, prefix: 1, pinyinStart: 2, substring: 3, pinyinLater: 4, initialsLater: 5 } as const;
/** Rank first, then how far in the match starts, then the length of the name (or reading) it is in. */
const score = (rank: number, at: number, len: number) => rank * 1e6 + Math.min(at, 999) * 1000 + Math.min(len, 999);

/** First index ≥ 0 where `needle` occurs in `r.letters` at a syllable start, or -1. */
function atSyllable(r: Reading, needle: string): number {
  for (let i = r.letters.indexOf(needle); i >= 0; i = r.letters.indexOf(needle, i + 1)) if (r.starts[i]) return i;
  return -1;
}

// No closures or objects per unit: this runs 44 k times per keystroke.
function nameScore(e: SearchEntry, text: string): number {
  let best = NONE;
  for (const n of e.names) {
    const i = n.indexOf(text);
    if (i < 0) continue;
    const s = n.length === text.length ? score(RANK.exact, 0, n.length) : score(i === 0 ? RANK.prefix : RANK.substring, i, n.length);
    if (s < best) best = s;
  }
  const p = e.place.indexOf(text);
  if (p >= 0) best = Math.min(best, score(RANK.substring, p, e.place.length));
  return best;
}

function latinScore(e: SearchEntry, l: string, raw: string): number {
  let best = NONE;
  if (l) {
    for (const r of e.readings) {
      const i = atSyllable(r, l);
      if (i >= 0) best = Math.min(best, score(i === 0 ? RANK.pinyinStart : RANK.pinyinLater, i, r.letters.length));
    }
    for (const ini of e.initials) {
      const i = ini.indexOf(l);
      if (i === 0) best = Math.min(best, score(RANK.pinyinStart, 0, ini.length * 3));
      // One letter anywhere would match nearly every unit (every 人民政府 has an r).
      else if (i > 0 && l.length >= 2) best = Math.min(best, score(RANK.initialsLater, i, ini.length));
    }
  }
  // Latin letters printed in a name (5G, ABC) match as text.
  return Math.min(best, nameScore(e, raw));
}

/** How well the unit matches (lower is better), or null when it does not match. */
export function matchScore(e: SearchEntry, q: Query): number | null {
  switch (q.kind) {
    case 'all': return 0;
    case 'code': return e.code === q.digits ? score(RANK.exact, 0, 0) : e.code.startsWith(q.digits) ? score(RANK.prefix, 0, e.code.length) : null;
    case 'latin': { const s = latinScore(e, q.letters, q.raw); return s === NONE ? null : s; }
    case 'han': { const s = nameScore(e, q.text); return s === NONE ? null : s; }
  }
}

/**
 * The items matching `q`, best first, equal matches in the items' order; with an empty query,
 * all of them in their order.
 * `entryOf` should return a prepared entry (see `entryCache`), not build one per call.
 */
export function rankMatches<T>(items: readonly T[], entryOf: (t: T) => SearchEntry, q: string): T[] {
  const query = parseQuery(q);
  if (query.kind === 'all') return [...items];
  // Numbers only in the sort (no objects, no localeCompare): 人民政府 matches 35 k units.
  const scores = new Float64Array(items.length);
  const hits: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const s = matchScore(entryOf(items[i]), query);
    if (s !== null) { scores[i] = s; hits.push(i); }
  }
  hits.sort((a, b) => scores[a] - scores[b] || a - b);
  return hits.map((i) => items[i]);
}

/** One prepared entry per object, kept as long as the object is. */
export function entryCache<T extends object>(source: (t: T) => SearchSource): (t: T) => SearchEntry {
  const cache = new WeakMap<T, SearchEntry>();
  return (t) => {
    let e = cache.get(t);
    if (!e) cache.set(t, (e = searchEntry(source(t))));
    return e;
  };
}
