/**
 * Where a division code sits in the hierarchy: a code's parent is its prefix, 2 digits a
 * province, 4 a city, 6 a county-level area, 9 a township (乡/镇/街道). The drill-down of the
 * views walks these prefixes; '' stands for the whole dataset. Browser-safe, no imports.
 */
export const PREFIX_LENGTHS = [2, 4, 6, 9] as const;

/** The length of the codes one level under `prefix`, or null under a township (units only). */
export function childLength(prefix: string): number | null {
  return PREFIX_LENGTHS.find((n) => n > prefix.length) ?? null;
}

/** The places from the top down to `code` itself: 320813 → 32, 3208, 320813. */
export function ancestors(code: string): string[] {
  const out = PREFIX_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
  // A typed prefix between levels (320) is a place of its own, the last step.
  if (code && out.at(-1) !== code) out.push(code);
  return out;
}

/** A prefix as the URL carries it: digits only, one of the hierarchy's lengths; else ''. */
export function validPrefix(code: string): string {
  return /^\d+$/.test(code) && (PREFIX_LENGTHS as readonly number[]).includes(code.length) ? code : '';
}

/** The deepest place of the hierarchy, no deeper than `deepest` digits, that both codes lie in ('' if none). */
export function sharedPlace(a: string, b: string, deepest = 9): string {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, [...PREFIX_LENGTHS].reverse().find((l) => l <= n && l <= deepest) ?? 0);
}
