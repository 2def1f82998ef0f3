/**
 * A unit title's pinyin, for finding a unit by `chaihe` or `chz`. Computed where reports become
 * rows — the data build in Node and the import worker — so pinyin-pro never reaches a page's
 * JS: the page only compares the precomputed strings (src/lib/search/match.ts).
 *
 * Polyphonic characters: pinyin-pro reads each by its context (长沙 chang sha, 重庆 chong qing).
 * Place names often keep an old or surname reading (单县 shan, 乐清 yue), which pinyin-pro gives
 * in its surname mode; that mode also misreads some (区 as ou). So both readings are kept when
 * they differ, separated by `|`, and a query may match either.
 */
import { pinyin } from 'pinyin-pro';

export interface SearchKeys {
  /** Syllables separated by spaces, ü written v, one reading per `|`: `chai he zhen ren min zheng fu`. */
  unit_pinyin: string;
  /** First letter of each syllable, one reading per `|`: `chzrmzf`. */
  unit_initials: string;
}

/** A reading as syllables: letters only, lowercase; digits, brackets and the like are dropped. */
function syllables(title: string, surname: 'off' | 'all'): string[] {
  return pinyin(title, { toneType: 'none', type: 'array', surname, v: true })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s));
}

// A title recurs every year (the synthetic national set: 7 × 44 k rows); pinyin-pro runs once per title.
const memo = new Map<string, SearchKeys>();

export function searchKeys(title: string): SearchKeys {
  let keys = memo.get(title);
  if (!keys) memo.set(title, (keys = computeKeys(title)));
  return keys;
}

function computeKeys(title: string): SearchKeys {
  const readings = [...new Set([syllables(title, 'off'), syllables(title, 'all')].map((s) => s.join(' ')))].filter(Boolean);
  return {
    unit_pinyin: readings.join('|'),
    unit_initials: readings.map((r) => r.split(' ').map((s) => s[0]).join('')).join('|'),
  };
}

/** A report row with its title's search keys added (rows.ts stays free of pinyin-pro). */
export function withSearchKeys<R extends { unit: string }>(row: R): R & SearchKeys {
  return { ...row, ...searchKeys(row.unit) };
}
