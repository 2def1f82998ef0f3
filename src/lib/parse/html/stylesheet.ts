/**
 * What a page's own stylesheets hide. A site may hide digits inside a cell by class
 * (`.hid{display:none}` · `1<span class="hid">2</span>36` shows 136): read as text they join the
 * figure, 136 becomes 1236. The <style> blocks are parsed with postcss and their selectors matched
 * with css-select over the page's tree. Where the page shows an element for sure, it stays; where
 * it hides it for sure, it goes; where only a browser could tell (a rule for some screen widths, a
 * rule that sets display again, text set to size 0 or made transparent), its text is replaced by
 * a mark no figure holds, so the cell is read as damaged and flagged, never as a number.
 */
import postcss, { type AtRule, type Container, type Rule } from 'postcss';
import { selectAll, type Options } from 'css-select';
import type { Element, Node } from './tree';

/** Put in place of text a browser may or may not show: no figure holds it (pieces.ts: damaged). */
export const UNSURE_TEXT = '?';

const HIDE = /^(?:display:none|visibility:hidden|mso-hide:all)$/;
const SHOW_AGAIN = /^(?:display:(?!none)|visibility:visible)/;
/** Shown, but not to the eye. */
const FAINT = /^(?:font-size:0(?:px|pt|em|rem|%)?|opacity:0(?:\.0*)?|color:transparent)$/;
/** A state a reader's pointer or the page's script brings about: not how the page rests. */
const STATEFUL = /:(?:hover|focus|focus-within|focus-visible|active|visited|target|checked)|::?(?:before|after|selection|placeholder|marker|first-line|first-letter)/;

/** Past this many rules that may hide, matching each is more work than a report page warrants. */
const MAX_RULES = 400;

const isEl = (n: Node): n is Element => typeof n !== 'string';

const adapter: NonNullable<Options<Node, Element>['adapter']> = {
  isTag: isEl,
  getAttributeValue: (e, name) => e.attrs[name],
  getChildren: (n) => (isEl(n) ? n.children : []),
  getName: (e) => e.tag,
  getParent: (e) => e.parent,
  getSiblings: (n) => (isEl(n) && n.parent ? n.parent.children : [n]),
  getText: (n) => (isEl(n) ? n.children.map((c) => adapter.getText(c)).join('') : n),
  hasAttrib: (e, name) => name in e.attrs,
  removeSubsets: (nodes) => nodes.filter((n, i) => {
    for (let p = isEl(n) ? n.parent : null; p; p = p.parent) if (nodes.includes(p)) return false;
    return nodes.indexOf(n) === i;
  }),
};

interface Found { hide: Set<Element>; show: Set<Element>; unsure: Set<Element> }

/** Elements the page's <style> blocks hide for sure, and those only a browser could tell. */
export function styleHiding(root: Element): { hidden: Set<Element>; unsure: Set<Element> } {
  const css = stylesOf(root);
  const found: Found = { hide: new Set(), show: new Set(), unsure: new Set() };
  if (css && /display|visibility|mso-hide|font-size|opacity|transparent/i.test(css)) {
    try {
      const rules: Rule[] = [];
      postcss.parse(css).walkRules((rule) => { rules.push(rule); });
      // Rules that set display again matter only beside one that hides.
      const marking = rules.filter((r) => r.nodes.some((d) => d.type === 'decl' && /^(?:display|visibility|mso-hide|font-size|opacity|color)$/i.test(d.prop)));
      const hiding = marking.some((r) => declsOf(r).some((d) => HIDE.test(d) || FAINT.test(d)));
      if (hiding && marking.length > MAX_RULES) markClassedCells(root, found.unsure);
      else if (hiding) for (const rule of marking) applyRule(rule, root, found);
    } catch {
      // A sheet postcss cannot read still hides by class or id: any such element in a cell is unsure.
      if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(css)) markClassedCells(root, found.unsure);
    }
  }
  const hidden = new Set<Element>();
  for (const e of found.hide) {
    const inline = (e.attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
    if (found.show.has(e) || /(?:^|;)display:(?!none)/.test(inline) || /(?:^|;)visibility:visible/.test(inline)) found.unsure.add(e);
    else hidden.add(e);
  }
  for (const e of hidden) found.unsure.delete(e);
  return { hidden, unsure: found.unsure };
}

function applyRule(rule: Rule, root: Element, found: Found): void {
  if (!inScreen(rule)) return;
  const decls = declsOf(rule);
  const hides = decls.some((d) => HIDE.test(d));
  const faint = decls.some((d) => FAINT.test(d));
  const shows = decls.some((d) => SHOW_AGAIN.test(d));
  if (!hides && !faint && !shows) return;
  const sure = mediaSure(rule);
  for (const selector of rule.selectors) {
    if (STATEFUL.test(selector)) continue;
    let matched: Element[];
    try {
      matched = selectAll(selector, root, { adapter });
    } catch {
      continue; // A selector css-select does not know matches nothing it could name.
    }
    for (const e of matched) {
      if (hides) (sure ? found.hide : found.unsure).add(e);
      if (faint) found.unsure.add(e);
      if (shows) found.show.add(e);
    }
  }
}

const declsOf = (rule: Rule) => rule.nodes.flatMap((d) => (d.type === 'decl' ? [`${d.prop}:${d.value}`.replace(/\s+/g, '').replace(/!important$/, '').toLowerCase()] : []));

/** The @media a rule sits in: print alone never shows on a screen. */
function inScreen(rule: Rule): boolean {
  return mediaOf(rule).every((m) => !/\bprint\b/.test(m) || /\b(?:screen|all)\b/.test(m));
}

/** Whether the rule holds on every screen (no width, orientation or other condition). */
function mediaSure(rule: Rule): boolean {
  return mediaOf(rule).every((m) => !/\(/.test(m));
}

function mediaOf(rule: Rule): string[] {
  const out: string[] = [];
  for (let p: Container | undefined = rule.parent as Container | undefined; p && p.type !== 'root'; p = p.parent as Container | undefined) {
    if (p.type === 'atrule' && (p as AtRule).name.toLowerCase() === 'media') out.push((p as AtRule).params.toLowerCase());
  }
  return out;
}

function stylesOf(root: Element): string {
  const out: string[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (c.tag === 'style') out.push(adapter.getText(c));
      else walk(c);
    }
  };
  walk(root);
  return out.join('\n');
}

function markClassedCells(root: Element, out: Set<Element>): void {
  const walk = (e: Element, inCell: boolean) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (inCell && ('class' in c.attrs || 'id' in c.attrs)) out.add(c);
      walk(c, inCell || c.tag === 'td' || c.tag === 'th');
    }
  };
  walk(root, false);
}

/** Takes out what the sheets hide, and marks what only a browser could tell (see above). */
export function applyStyleHiding(root: Element): void {
  const { hidden, unsure } = styleHiding(root);
  if (!hidden.size && !unsure.size) return;
  const walk = (e: Element) => {
    e.children = e.children.filter((c) => !isEl(c) || !hidden.has(c));
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (unsure.has(c)) c.children = c.children.some((x) => adapter.getText(x).trim()) ? [UNSURE_TEXT] : c.children;
      else walk(c);
    }
  };
  walk(root);
}
