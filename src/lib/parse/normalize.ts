/** Text clean-up shared by every input kind: full-width forms, odd spaces, page furniture. */

const FULL_DIGIT = /[０-９]/g;
/** Mathematical digits (𝟏 𝟚 𝟥 𝟦 𝟷: bold, double-struck, sans-serif, monospace): digits to a reader. */
export const MATH_DIGIT = /[\u{1d7ce}-\u{1d7ff}]/gu;
const FULL_MAP: Record<string, string> = {
  '．': '.', '－': '-', '—': '—', '／': '/', '，': '，', '（': '（', '）': '）',
  '(': '（', ')': '）', '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ',
  // Signs as typesetting and converters spell them (minus sign, small and full-width forms, hyphens):
  // −8 must read as -8 (a count below zero, flagged), never as 8.
  '\u2212': '-', '\ufe63': '-', '\u2010': '-', '\u2011': '-', '\uff0b': '+', '\ufe62': '+',
};
/** The figure characters FULL_MAP spells in ASCII: point, signs, slash. */
const FIGURE_FORMS = /[．－／\u2212\ufe63\u2010\u2011\uff0b\ufe62]/g;
/** Characters that print nothing (zero-width spaces and joiners, a BOM inside the text): 9⁠48 is 948. */
export const INVISIBLE_CHARS = '\u200b-\u200d\u2060\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/**
 * Kangxi radicals (⼀ U+2F00…), the two supplement radicals with a decomposition, and CJK
 * compatibility ideographs: glyphs some PDF writers (a browser's "save as PDF" among them) map
 * their characters to. ⾏政许可 looks like 行政许可 to a reader and must match its label.
 */
const RADICAL = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

/**
 * The supplement radicals that have no decomposition, with the ideograph each stands for
 * (Unicode's EquivalentUnifiedIdeograph.txt): Chromium's PDFs print 人民政府 as 人⺠政府.
 */
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  ([
    '2E81 5382 2E85 4EBB 2E86 5182 2E89 5202 2E8A 535C 2E8C 5C0F 2E8E 5140 2E8F 5C23 2E90 5C22 2E92 5DF3 2E93 5E7A 2E94 5F51',
    '2E96 5FC4 2E97 5FC3 2E98 624C 2E99 6535 2E9B 65E1 2E9D 6708 2E9E 6B7A 2EA0 6C11 2EA1 6C35 2EA2 6C3A 2EA3 706C 2EA4 722B',
    '2EA6 4E2C 2EA7 725B 2EA8 72AD 2EA9 738B 2EAA 758B 2EAB 7F52 2EAC 793A 2EAD 793B 2EAE 7AF9 2EAF 7CF9 2EB0 7E9F 2EB2 7F52',
    '2EB3 7F53 2EB6 7F8A 2EB9 8002 2EBB 807F 2EBC 8089 2EBD 81FC 2EBE 8279 2EC1 864E 2EC2 8864 2EC3 8980 2EC4 897F 2EC5 89C1',
    '2EC6 89D2 2EC8 8BA0 2EC9 8D1D 2ECB 8F66 2ECC 8FB6 2ECF 961D 2ED0 9485 2ED1 9577 2ED3 957F 2ED4 95E8 2ED6 961D 2ED7 96E8',
    '2ED8 9752 2ED9 97E6 2EDA 9875 2EDB 98CE 2EDC 98DE 2EDD 98DF 2EDF 98E0 2EE0 9963 2EE2 9A6C 2EE3 9AA8 2EE4 9B3C 2EE5 9C7C',
    '2EE6 9E1F 2EE7 5364 2EE8 9EA6 2EE9 9EC4 2EEA 9EFE 2EEB 6589 2EEC 9F50 2EED 6B6F 2EEE 9F7F 2EEF 7ADC 2EF0 9F99 2EF1 9F9C',
    '2EF2 4E80',
  ].join(' ')).split(' ').reduce<[string, string][]>((out, hex, i, all) => (i % 2 ? out
    : [...out, [String.fromCodePoint(parseInt(hex, 16)), String.fromCodePoint(parseInt(all[i + 1], 16))]]), []),
);

export function unifyIdeographs(s: string): string {
  return s.replace(RADICAL, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/**
 * Vertical presentation forms back to the characters they stand for: the inverse of the
 * substitution pdf.js makes for a vertical font that is not embedded (getVerticalPresentationForm
 * in its worker), so that 三︑本年 reads 三、本年 as a label.
 */
const HORIZONTAL: Record<string, string> = Object.fromEntries(([
  [0xfe10, 0xff0c], [0xfe11, 0x3001], [0xfe12, 0x3002], [0xfe13, 0xff1a], [0xfe14, 0xff1b],
  [0xfe15, 0xff01], [0xfe16, 0xff1f], [0xfe17, 0x3016], [0xfe18, 0x3017], [0xfe19, 0x2026],
  [0xfe30, 0x2025], [0xfe31, 0x2014], [0xfe32, 0x2013], [0xfe33, 0xff3f], [0xfe34, 0xfe4f],
  [0xfe35, 0xff08], [0xfe36, 0xff09], [0xfe37, 0xff5b], [0xfe38, 0xff5d], [0xfe39, 0x3014],
  [0xfe3a, 0x3015], [0xfe3b, 0x3010], [0xfe3c, 0x3011], [0xfe3d, 0x300a], [0xfe3e, 0x300b],
  [0xfe3f, 0x3008], [0xfe40, 0x3009], [0xfe41, 0x300c], [0xfe42, 0x300d], [0xfe43, 0x300e],
  [0xfe44, 0x300f], [0xfe47, 0xff3b], [0xfe48, 0xff3d],
] as const).map(([v, h]) => [String.fromCharCode(v), String.fromCharCode(h)]));
const VERTICAL_FORM = /[\ufe10-\ufe19\ufe30-\ufe48]/g;

export function horizontalForms(text: string): string {
  return text.replace(VERTICAL_FORM, (c) => HORIZONTAL[c] ?? c);
}

/** Full-width and mathematical digits as the ASCII digits they are to a reader. */
export function asciiDigits(s: string): string {
  return s.replace(FULL_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(MATH_DIGIT, (d) => String((d.codePointAt(0)! - 0x1d7ce) % 10));
}

/** A figure's digits, point, minus and slash in ASCII (a PDF's text, which normalizeText does not see whole). */
export function asciiFigures(s: string): string {
  return asciiDigits(s).replace(FIGURE_FORMS, (c) => FULL_MAP[c]);
}

export function normalizeText(s: string): string {
  return asciiDigits(unifyIdeographs(s))
    .replace(INVISIBLE, '')
    .replace(FIGURE_FORMS, (c) => FULL_MAP[c])
    .replace(/[()\u00a0\u3000\u2002\u2003]/g, (c) => FULL_MAP[c] ?? c)
    .replace(/\r\n?/g, '\n')
    // pdftotext starts each page with a form feed, on the page's first line: space, not a cell.
    .replace(/[\f\v]/g, ' ');
}

/** A page number footer or header such as "- 3 -", "— 3 —", "第 3 页", "3/6". */
export function isPageFurniture(s: string): boolean {
  const t = s.trim();
  return /^[-—–]\s*\d{1,3}\s*[-—–]$/.test(t) || /^第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?$/.test(t)
    || /^\d{1,3}\s*\/\s*\d{1,3}$/.test(t);
}

/**
 * A page's footer run into the first line of the next page's text (pypdf: `-5-法提供2.没有现成信息…`,
 * `-4-3.补正后…`, `—3—（五）不予处理…`): words follow it, so it is no row's figures. Cut off, so that it is not read
 * as a cell (-5) of the row before.
 */
const GLUED_PAGE_NUMBER = /^\s*([-—–])\s*\d{1,3}\s*\1(?=\p{Script=Han}|[（(]|[0-9]{1,2}[.、]\p{Script=Han})/u;

export function withoutGluedPageNumber(line: string): string {
  return line.replace(GLUED_PAGE_NUMBER, '');
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
