/**
 * The page's element tree, built by parse5: the WHATWG parsing algorithm that browsers run,
 * so a malformed page (unclosed cells, stray </table>, text inside a table, missing <tbody>)
 * gives the cells a reader of the page sees. parse5's tree is copied into a small tree of our
 * own that keeps only what reading needs: elements, their attributes and their text.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}
export type Node = Element | string;

/**
 * Elements deeper than this are not kept as elements: their content is added to the element
 * at this depth. The later passes recurse over the tree, and garbage such as ten thousand
 * unclosed <font>s must not overflow the stack.
 */
const MAX_DEPTH = 400;

/** Elements whose own whitespace text is not rendered. */
const NO_TEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'html', 'head', 'ul', 'ol', 'dl', 'colgroup']);

export function buildTree(html: string): Element {
  const doc = parse(html);
  const htmlEl = doc.childNodes.find((n): n is DefaultTreeAdapterMap['element'] => n.nodeName === 'html');
  const root: Element = { tag: 'html', attrs: {}, children: [], parent: null };
  if (!htmlEl) return root;
  // Iterative copy: parse5 builds arbitrarily deep trees and this must not recurse over them.
  const stack: { from: P5Parent; to: Element; depth: number; at: number }[] = [{ from: htmlEl, to: root, depth: 0, at: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const kids = top.from.childNodes;
    if (top.at >= kids.length) {
      stack.pop();
      continue;
    }
    const n: P5Node = kids[top.at++];
    if (n.nodeName === '#text') {
      appendText(top.to, (n as DefaultTreeAdapterMap['textNode']).value);
    } else if ('tagName' in n) {
      if (top.depth >= MAX_DEPTH) {
        stack.push({ from: n, to: top.to, depth: top.depth, at: 0 });
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of n.attrs) attrs[a.name] = a.value;
      // What the page hides is not read: Word's hidden text (mso-hide:all), a mobile copy of a
      // table kept display:none, a stale cell. A reader never sees it.
      if (hiddenByStyle(attrs) || (INVISIBLE.test(attrs.style ?? '') && !showsAgain(n))) continue;
      const el: Element = { tag: n.tagName, attrs, children: [], parent: top.to };
      top.to.children.push(el);
      stack.push({ from: n, to: el, depth: top.depth + 1, at: 0 });
    }
    // Comments, doctypes and <template> content are never shown.
  }
  return root;
}

/** Inline style or attribute that keeps an element from being shown. */
// (visibility:hidden is apart: a descendant may set itself visible again, and then it shows.)
const INVISIBLE = /(?:^|;)\s*visibility\s*:\s*hidden/i;
const VISIBLE = /(?:^|;)\s*visibility\s*:\s*visible/i;
const HIDING = /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\s*(?:!important\s*)?(?:;|$)/i;

function hiddenByStyle(attrs: Record<string, string>): boolean {
  return 'hidden' in attrs || (attrs.style !== undefined && HIDING.test(attrs.style));
}

/** Whether some element under `n` sets visibility:visible again (bounded by the page's size). */
function showsAgain(n: P5Parent): boolean {
  const stack: P5Node[] = [...n.childNodes];
  while (stack.length) {
    const c = stack.pop()!;
    if (!('tagName' in c)) continue;
    if (c.attrs.some((a) => a.name === 'style' && VISIBLE.test(a.value))) return true;
    stack.push(...c.childNodes);
  }
  return false;
}

function appendText(e: Element, t: string): void {
  // Indentation between rows and cells is never shown; dropping it spares later passes.
  if (NO_TEXT.has(e.tag) && isBlank(t)) return;
  const last = e.children[e.children.length - 1];
  if (typeof last === 'string') e.children[e.children.length - 1] = last + t;
  else e.children.push(t);
}

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
