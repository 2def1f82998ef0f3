/**
 * Finds the page's article: government pages wrap the report in site chrome (menus, link
 * lists, footers), and the report's text reads better without it. The article is taken to
 * be the deepest element holding most of the page's visible text, widened to take in the
 * heading that sits just outside it (pages put the title in an <h1> beside the article body).
 */
import { HIDDEN } from './text';
import type { Element } from './tree';

/** Share of the page's visible characters an element must hold to count as the article. */
const MAJORITY = 0.6;
/** Widening may add at most this many characters besides the article (a title, a date line). */
const WIDEN_CHARS = 300;
const PACK = 2 ** 26;

const HEADING = new Set(['h1', 'h2', 'h3']);
const TITLE_CLASS = /title|tit\b|bt\b/i;

export function mainContainer(body: Element): Element {
  // Visible characters per element: all of them, and those outside tables ("prose"). The
  // article must hold most of both, so a wrapper around the tables alone never wins over
  // the report's narrative.
  // Both counts are packed into one number (all · 2^26 + prose) to keep this pass cheap.
  const sizes = new Map<Element, number>();
  const measure = (e: Element, inTable: boolean): number => {
    let n = 0;
    let p = 0;
    for (const c of e.children) {
      if (typeof c === 'string') {
        const v = visibleChars(c);
        n += v;
        if (!inTable) p += v;
      } else if (!HIDDEN.has(c.tag)) {
        const packed = measure(c, inTable || c.tag === 'table');
        n += Math.floor(packed / PACK);
        p += packed % PACK;
      }
    }
    const packed = Math.min(n, PACK - 1) * PACK + Math.min(p, PACK - 1);
    sizes.set(e, packed);
    return packed;
  };
  const all = (e: Element) => Math.floor((sizes.get(e) ?? 0) / PACK);
  const prose = (e: Element) => (sizes.get(e) ?? 0) % PACK;
  measure(body, false);
  const total = all(body);
  const totalProse = prose(body);
  if (total === 0) return body;

  let core = body;
  for (;;) {
    let best: Element | null = null;
    for (const c of core.children) {
      if (typeof c === 'string' || c.tag === 'table') continue; // a table is read whole
      if (all(c) >= total * MAJORITY && prose(c) >= totalProse * MAJORITY) best = c;
    }
    if (!best) break;
    core = best;
  }
  // Climb to the nearest ancestor that also holds a heading, if that costs little extra text.
  const coreSize = all(core);
  for (let e = core; e !== body && e.parent; ) {
    const up: Element = e.parent;
    if (all(up) - coreSize > WIDEN_CHARS) break;
    if (hasHeadingOutside(up, e)) return up;
    e = up;
  }
  return core;
}

/** Whether `e` holds a heading (h1–h3 or a *title* class) other than inside `skip`. */
function hasHeadingOutside(e: Element, skip: Element): boolean {
  for (const c of e.children) {
    if (typeof c === 'string' || c === skip || HIDDEN.has(c.tag)) continue;
    if (HEADING.has(c.tag) || TITLE_CLASS.test(c.attrs.class ?? '')) return true;
    if (hasHeadingOutside(c, skip)) return true;
  }
  return false;
}
function visibleChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}
