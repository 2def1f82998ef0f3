/**
 * Builds a small element tree from the token stream, closing what authors and Word leave open
 * (<p>, <td>, <tr>, <li>) the way browsers do, closely enough for reading text and tables.
 */
import { tokenize } from './tokenize';

export interface Element {
  tag: string;
  /** The attribute text as written; the few attributes needed are read from it on demand. */
  attrs: string;
  children: Node[];
  parent: Element | null;
}
export type Node = Element | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);

/** Start tags that end an open <p> (HTML's "close a p element" list, abridged). */
const CLOSES_P = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'form', 'hr', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'figure', 'address', 'fieldset', 'center', 'menu', 'details', 'summary', 'dd', 'dt', 'li']);

const CELL = new Set(['td', 'th']);
const ROW_GROUP = new Set(['tbody', 'thead', 'tfoot']);
/** Elements an implied close must not cross: what lies outside a table is not the table's business. */
const TABLE_SCOPE = new Set(['table', 'html']);
const P_SCOPE = new Set(['td', 'th', 'table', 'caption', 'button', 'html']);
const LIST_SCOPE = new Set(['ul', 'ol', 'td', 'th', 'table', 'html']);
const CELL_SCOPE = new Set(['td', 'th', 'table', 'caption', 'html']);

export function buildTree(html: string): Element {
  const root: Element = { tag: 'html', attrs: '', children: [], parent: null };
  let cur = root;

  /** The nearest open element named in `names`, not crossing a `scope` element. */
  const findOpen = (names: Set<string> | string, scope: Set<string>): Element | null => {
    for (let e: Element | null = cur; e; e = e.parent) {
      if (typeof names === 'string' ? e.tag === names : names.has(e.tag)) return e;
      if (scope.has(e.tag)) return null;
    }
    return null;
  };
  // Depth is capped so that the recursive passes over the tree cannot overflow the stack
  // on garbage (ten thousand unclosed <font>s); deeper start tags are simply not opened.
  let depth = 0;
  const closeTo = (e: Element) => {
    for (let x: Element | null = cur; x && x !== e.parent; x = x.parent) depth--;
    cur = e.parent ?? root;
  };
  const open = (tag: string, attrs: string) => {
    const el: Element = { tag, attrs, children: [], parent: cur };
    cur.children.push(el);
    cur = el;
    depth++;
  };

  tokenize(html, {
    start(tag, attrs, selfClosing) {
      if (tag === 'html') return; // the root already stands for it
      // Body content written without <body> ends the head, as in browsers; else it would be hidden.
      if (cur.tag === 'head' && !IN_HEAD.has(tag)) closeTo(cur);
      if (depth >= MAX_DEPTH && !VOID.has(tag) && !selfClosing) return;
      if (CLOSES_P.has(tag)) {
        const p = findOpen('p', P_SCOPE);
        if (p) closeTo(p);
      }
      if (tag === 'li') {
        const li = findOpen('li', LIST_SCOPE);
        if (li) closeTo(li);
      } else if (CELL.has(tag)) {
        const cell = findOpen(CELL, TABLE_SCOPE);
        if (cell) closeTo(cell);
        // A cell straight inside a table or row group gets the row browsers would imply.
        if (cur.tag === 'table' || ROW_GROUP.has(cur.tag)) open('tr', '');
      } else if (tag === 'tr') {
        const row = findOpen('tr', TABLE_SCOPE);
        if (row) closeTo(row);
        else {
          const cell = findOpen(CELL, TABLE_SCOPE);
          if (cell) closeTo(cell);
        }
      } else if (ROW_GROUP.has(tag)) {
        const group = findOpen(ROW_GROUP, TABLE_SCOPE);
        if (group) closeTo(group);
      }
      open(tag, attrs);
      if (selfClosing || VOID.has(tag)) closeTo(cur);
    },
    end(tag) {
      // </br> and friends close nothing; </body> and </html> are ignored so that text
      // after them (common in pasted pages) stays in the body, where browsers show it.
      if (VOID.has(tag) || tag === 'body' || tag === 'html') return;
      // Table parts close within their table; </table> closes the nearest table; any other
      // end tag may not reach out of the cell it was written in.
      const scope = tag === 'table' ? EMPTY : CELL.has(tag) || tag === 'tr' || ROW_GROUP.has(tag) ? TABLE_SCOPE : CELL_SCOPE;
      const e = findOpen(tag, scope);
      if (e) closeTo(e);
      // An end tag with no open element is ignored, like a browser does.
    },
    text(t) {
      // Indentation between rows and cells is never shown; dropping it spares later passes.
      if (NO_TEXT.has(cur.tag) && isBlank(t)) return;
      const last = cur.children[cur.children.length - 1];
      if (typeof last === 'string') cur.children[cur.children.length - 1] = last + t;
      else cur.children.push(t);
    },
  });
  return root;
}

const EMPTY = new Set<string>();
const MAX_DEPTH = 400;
const IN_HEAD = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'basefont', 'bgsound']);
/** Elements whose own whitespace text is not rendered. */
const NO_TEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'html', 'head', 'ul', 'ol', 'dl', 'colgroup']);

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}

/** Depth-first search for the first element with this tag. */
export function findFirst(e: Element, tag: string): Element | null {
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    if (c.tag === tag) return c;
    const f = findFirst(c, tag);
    if (f) return f;
  }
  return null;
}

/** Concatenated text of an element's subtree. */
export function textContent(e: Element): string {
  let s = '';
  for (const c of e.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}
