/**
 * Character references. Only the named entities that turn up in Chinese government pages
 * and Word exports are known; an unknown one is left as written rather than guessed.
 */

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwsp: '\u200b', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad',
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7', bull: '\u2022',
  times: '\u00d7', divide: '\u00f7', plusmn: '\u00b1', minus: '\u2212', deg: '\u00b0', permil: '\u2030',
  yen: '\u00a5', cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  sect: '\u00a7', para: '\u00b6', le: '\u2264', ge: '\u2265', ne: '\u2260', asymp: '\u2248',
  rarr: '\u2192', larr: '\u2190', uarr: '\u2191', darr: '\u2193', hyphen: '\u2010', dash: '\u2010',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3',
  iexcl: '\u00a1', iquest: '\u00bf', macr: '\u00af', acute: '\u00b4', uml: '\u00a8', cedil: '\u00b8',
  ordf: '\u00aa', ordm: '\u00ba', not: '\u00ac', micro: '\u00b5', brvbar: '\u00a6', curren: '\u00a4',
  star: '\u2606', starf: '\u2605', check: '\u2713', cross: '\u2717', hArr: '\u21d4', rArr: '\u21d2',
  Alpha: '\u0391', alpha: '\u03b1', beta: '\u03b2', gamma: '\u03b3', delta: '\u03b4', mu: '\u03bc', pi: '\u03c0',
  sum: '\u2211', infin: '\u221e', radic: '\u221a', prime: '\u2032', Prime: '\u2033', oline: '\u203e',
};

/**
 * Entities browsers also accept without the closing ';' (the legacy set); for the others a
 * missing ';' means the text was not an entity (e.g. a URL query "&copyright=1" stays put).
 */
const LEGACY = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg', 'times', 'deg', 'yen', 'middot', 'sect', 'para', 'laquo', 'raquo', 'plusmn', 'shy', 'not', 'micro', 'cent', 'pound']);

/** Windows-1252 meanings of &#128;–&#159;, which browsers apply to numeric references. */
const C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const REF = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,9})|([A-Za-z][A-Za-z0-9]{0,31}))(;?)/g;

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(REF, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined, semi: string) => {
    if (name !== undefined) {
      const v = NAMED[name];
      if (v === undefined) {
        // "&nbspfoo": the longest legacy prefix counts, like browsers do.
        if (semi) return whole;
        for (let n = name.length - 1; n >= 2; n--) {
          const p = name.slice(0, n);
          if (LEGACY.has(p)) return NAMED[p] + name.slice(n);
        }
        return whole;
      }
      return semi || LEGACY.has(name) ? v : whole;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
    return codePoint(code);
  });
}

function codePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80];
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
