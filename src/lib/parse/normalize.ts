/** Text clean-up shared by every input kind: full-width forms, odd spaces, page furniture. */

const FULL_DIGIT = /[０-９]/g;
const FULL_MAP: Record<string, string> = {
  '．': '.', '－': '-', '—': '—', '／': '/', '，': '，', '（': '（', '）': '）',
  '(': '（', ')': '）', '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ', '\u200b': '',
};

/**
 * Kangxi radicals (⼀ U+2F00…), the two supplement radicals with a decomposition, and CJK
 * compatibility ideographs: glyphs some PDF writers (a browser's "save as PDF" among them) map
 * their characters to. ⾏政许可 looks like 行政许可 to a reader and must match its label.
 */
const RADICAL = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

export function unifyIdeographs(s: string): string {
  return s.replace(RADICAL, (c) => c.normalize('NFKC'));
}

export function normalizeText(s: string): string {
  return unifyIdeographs(s)
    .replace(FULL_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．－／()\u00a0\u3000\u2002\u2003\u200b]/g, (c) => FULL_MAP[c] ?? c)
    .replace(/\r\n?/g, '\n');
}

/** A page number footer or header such as "- 3 -", "— 3 —", "第 3 页", "3/6". */
export function isPageFurniture(s: string): boolean {
  const t = s.trim();
  return /^[-—–]\s*\d{1,3}\s*[-—–]$/.test(t) || /^第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?$/.test(t)
    || /^\d{1,3}\s*\/\s*\d{1,3}$/.test(t);
}

/**
 * Page furniture that a table row could also print: "- 22 -" is a footer or a row (blank, 22,
 * blank); "4 / 24" is "page 4 of 24" or a row (4, blank, 24).
 */
export function mayBeFigures(s: string): boolean {
  const t = s.trim();
  return /^[-—–]\s*\d{1,3}\s*[-—–]$/.test(t) || /^\d{1,3}\s*\/\s*\d{1,3}$/.test(t);
}

/** Removes every kind of white space: CJK labels are compared without it. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
