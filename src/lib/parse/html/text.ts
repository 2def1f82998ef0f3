/**
 * Visible text of elements, the way a reader sees it: whitespace collapsed, and no spaces
 * between Chinese characters. Word exports cut labels into runs (申请人情|况, 三|、本|年|度)
 * and wrap them over source lines; a browser shows them run together, and so must we.
 */
import type { Element } from './tree';
import { INVISIBLE_CHARS, normalizeText } from '../normalize';

/** Elements that are never shown. */
export const HIDDEN = new Set(['head', 'title', 'script', 'style', 'meta', 'link', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'option', 'button', 'input', 'textarea', 'svg', 'math', 'map', 'area', 'base', 'colgroup', 'col']);

/** What a footnote mark looks like: a few digits, letters, stars or daggers, a circled number. */
const MARK = /^[\dA-Za-z*＊†‡\u2460-\u2473]{1,3}$/;

/**
 * A superscript after a figure or a label is a footnote mark (152<sup>1</sup>, 予以公开<sup>1</sup>),
 * not more digits: after a figure it is read as a note in brackets, as a cell's 22（其中修订 16 件）
 * is; after a label it is left out. A cell set wholly in superscript is its text.
 */
export function supNote(before: string, text: string): string {
  const mark = text.trim();
  if (!mark || !before.trim()) return text;
  if (/\d\s*$/.test(before)) return `（注${mark}）`;
  return MARK.test(mark) ? '' : text;
}

/** Elements that start a new line. */
export const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tbody', 'thead', 'tfoot', 'caption', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'form', 'hr', 'center', 'address', 'figure', 'figcaption', 'fieldset', 'legend', 'details', 'summary', 'body', 'td', 'th']);

// Han, CJK punctuation, kana, full-width forms, and the quotes/dashes Chinese text uses.
const CJK = '\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7';
const SPACE_IN_CJK = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'g');
const WS = /[\s\u00a0\u3000]+/g;
// What prints nothing in any input kind, and a soft hyphen, which a browser shows only at a line's end.
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}\u00ad]`, 'g');
const NEEDS_WORK = new RegExp(`[\\s\u00a0\u3000${INVISIBLE_CHARS}\u00ad]`);
/** Full-width digits and marks, radicals, ASCII brackets: what normalizeText unifies for every input kind. */
const TO_NORMALIZE = /[\uff00-\uffef\u2e80-\u2fdf\uf900-\ufaff()]|[\u{1d7ce}-\u{1d7ff}]/u;

/** One line of visible text from raw pieces: whitespace runs → one space, none inside CJK. */
export function cleanText(raw: string): string {
  let s = raw;
  if (NEEDS_WORK.test(s)) { // most cells are a bare number or label
    s = s.replace(INVISIBLE, '').replace(WS, ' ').trim();
    if (s.indexOf(' ') >= 0) s = s.replace(SPACE_IN_CJK, '$1');
  }
  // A cell's ２２９３ is 2293, as in a text dump.
  return TO_NORMALIZE.test(s) ? normalizeText(s) : s;
}

/**
 * The raw text of an element's subtree with block boundaries as '\n'. Nested tables are not
 * included but added to `nested`, so a cell's text is its own and a table is read once.
 */
export function collectText(e: Element, nested: Element[]): string {
  return walkText(e, nested, '');
}

// A plain recursive function, not a closure: it runs once per table cell.
function walkText(el: Element, nested: Element[], acc: string): string {
  let out = acc;
  for (const c of el.children) {
    if (typeof c === 'string') {
      out += c;
      continue;
    }
    if (HIDDEN.has(c.tag)) continue;
    if (c.tag === 'table') {
      nested.push(c);
      out += '\n';
      continue;
    }
    if (c.tag === 'sup') {
      out += supNote(out, walkText(c, nested, ''));
      continue;
    }
    const block = BLOCK.has(c.tag);
    if (block) out += '\n';
    out = walkText(c, nested, out);
    if (block) out += '\n';
  }
  return out;
}
