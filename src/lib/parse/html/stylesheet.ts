/**
 * What a page's styles do to the digits a reader sees. A site may hide digits inside a cell
 * (`.hid{display:none}` · `1<span class="hid">2</span>36` shows 136), make them invisible some
 * other way (size 0, transparent, white, clipped, pushed off the page), move cells with CSS
 * (`order`, `row-reverse`, `rtl`) or print digits from CSS alone (`::after{content:"134"}`). Read
 * as text, any of these gives a wrong figure. The <style> blocks are parsed with postcss and their
 * selectors matched with css-select over the page's tree; inline styles are read the same way.
 * Where the page hides an element for sure, it goes; where only a browser could tell what shows
 * where, each run of digits under it becomes a mark no figure holds, so the cell is read as
 * damaged and flagged, never as a number. Text without digits is left alone (a white heading on a
 * dark cell names a column as well as any).
 */
import postcss, { type AtRule, type Container, type Rule } from 'postcss';
import { selectAll, type Options } from 'css-select';
import { textContent, type Element, type Node } from './tree';
import { UNSURE_MARK as UNSURE_TEXT } from '../document';
import { CJK } from '../naming';

/** Past this many rules that matter, matching each is more work than a report page warrants. */
const MAX_RULES = 400;

const HIDE = /^(?:display:none|visibility:hidden|mso-hide:all)$/;
const SHOW_AGAIN = /^(?:display:(?!none)|visibility:visible)/;
/** Shown, but not to the eye: tiny, transparent, white, clipped, off the page. */
const FAINT = /^(?:font-size:(?:0|[01](?:\.\d+)?(?:px|pt)|0(?:em|rem|%))|opacity:0(?:\.0*)?|color:(?:transparent|#fff|#ffffff|white|rgba?\(255,255,255(?:,1)?\))|clip:rect\(0(?:px)?,?0(?:px)?,?0(?:px)?,?0(?:px)?\)|clip-path:inset\(50%\)|transform:scale\(0\)|text-indent:-\d{3,}(?:px|em)|(?:left|top|right|margin-left|margin-top):-\d{3,}(?:px|em))$/;
/** Boxes set to nothing, their overflow cut: what they hold is not seen. */
const ZERO_BOX = /^(?:height|width|max-height|max-width):0(?:px)?$/;
/** Cells shown in another order than the page's source. */
const REORDER = /^(?:order:-?[1-9]\d*|flex-direction:(?:row|column)-reverse|direction:rtl|float:right|grid-(?:column|row|area):)/;
/** A cheap first look at an inline style (a Word page has one on every cell): can it do any of the above? */
const MAY_MATTER = /font-size\s*:\s*(?:0|1(?:\.\d+)?(?:px|pt))|opacity\s*:\s*0(?!\.\d*[1-9])|color\s*:\s*(?:#f{3}\b|#f{6}|white|transparent|rgba?\(\s*255\s*,\s*255\s*,\s*255)|clip|scale\(\s*0|-\d{3}|order\s*:|reverse|rtl|float\s*:\s*right|grid-(?:column|row|area)|(?:height|width)\s*:\s*0(?![.\d])/i;
/** A state a reader's pointer or the page's script brings about: not how the page rests. */
const STATEFUL = /:(?:hover|focus|focus-within|focus-visible|active|visited|target|checked)|::?(?:selection|placeholder|marker|first-line|first-letter)/;
const PSEUDO_CONTENT = /::?(?:before|after)\s*$/;

const isEl = (n: Node): n is Element => typeof n !== 'string';

const adapter: NonNullable<Options<Node, Element>['adapter']> = {
  isTag: isEl,
  getAttributeValue: (e, name) => e.attrs[name],
  getChildren: (n) => (isEl(n) ? n.children : []),
  getName: (e) => e.tag,
  getParent: (e) => e.parent,
  getSiblings: (n) => (isEl(n) && n.parent ? n.parent.children : [n]),
  getText: (n) => (isEl(n) ? textContent(n) : n),
  hasAttrib: (e, name) => name in e.attrs,
  removeSubsets: (nodes) => nodes.filter((n, i) => {
    for (let p = isEl(n) ? n.parent : null; p; p = p.parent) if (nodes.includes(p)) return false;
    return nodes.indexOf(n) === i;
  }),
};

interface Found { hide: Set<Element>; show: Set<Element>; unsure: Set<Element>; faint: Set<Element>; moved: Set<Element>; blanked: Set<Element>; added: Set<Element> }

interface Effect { hides: boolean; shows: boolean; faint: boolean; moved: boolean; unsure: boolean }
/** A rule of a sheet with what it does, read once. */
interface Sheet extends Effect { rule: Rule; adds: boolean }

/** An element that a sheet can name by class or id. */
const classed = (e: Element) => 'class' in e.attrs || 'id' in e.attrs;

/** What a list of declarations does: hides, shows again, leaves unsure (faint or moved). */
function effect(decls: string[]): Effect {
  const hides = decls.some((d) => HIDE.test(d));
  const zeroBox = decls.some((d) => ZERO_BOX.test(d)) && decls.some((d) => /^overflow(?:-[xy])?:(?:hidden|clip)$/.test(d));
  const faint = zeroBox || decls.some((d) => FAINT.test(d));
  const moved = decls.some((d) => REORDER.test(d));
  return { hides, shows: decls.some((d) => SHOW_AGAIN.test(d)), faint, moved, unsure: faint || moved };
}

const norm = (prop: string, value: string) => `${prop}:${value}`.replace(/\s+/g, '').replace(/!important$/i, '').toLowerCase();
const declsOf = (rule: Rule) => rule.nodes.flatMap((d) => (d.type === 'decl' ? [norm(d.prop, d.value)] : []));
const inlineDecls = (style: string) => style.split(';').flatMap((d) => {
  const i = d.indexOf(':');
  return i > 0 ? [norm(d.slice(0, i), d.slice(i + 1))] : [];
});

/** Elements the page's styles hide for sure, those only a browser could place, and those CSS adds digits to. */
export function styleEffects(root: Element): { hidden: Set<Element>; unsure: Set<Element>; added: Set<Element> } {
  const found: Found = { hide: new Set(), show: new Set(), unsure: new Set(), faint: new Set(), moved: new Set(), blanked: new Set(), added: new Set() };
  const css = stylesOf(root);
  if (css) {
    try {
      const rules: Sheet[] = [];
      postcss.parse(css).walkRules((rule) => { rules.push({ rule, ...effect(declsOf(rule)), adds: digitContent(rule) }); });
      const marking = rules.filter((r) => r.hides || r.shows || r.unsure || r.adds);
      if (marking.length > MAX_RULES) markCells(root, found.unsure, classed);
      else if (marking.some((r) => r.hides || r.unsure || r.adds)) for (const r of marking) applyRule(r, root, found);
    } catch {
      // A sheet postcss cannot read may still do any of the above by class or id.
      markCells(root, found.unsure, classed);
    }
  }
  inlineEffects(root, found);
  // Faint text counts in a table's cells only (a white title on a dark banner is no figure), moved
  // boxes in a table only (a floated column of the site is no cell).
  for (const e of found.faint) if (cellOf(e)) found.unsure.add(e);
  // A cell moved in its row moves the others too: every cell of that row (or table) that holds no
  // words, empty ones included, is unsure.
  for (const e of found.moved) if (inTable(e)) for (const c of cellsOf(rowOf(e))) found.blanked.add(c);
  const hidden = new Set<Element>();
  for (const e of found.hide) {
    const inline = inlineDecls(e.attrs.style ?? '');
    if (found.show.has(e) || inline.some((d) => SHOW_AGAIN.test(d))) found.unsure.add(e);
    else hidden.add(e);
  }
  for (const e of hidden) { found.unsure.delete(e); found.added.delete(e); }
  for (const c of found.blanked) if (!CJK.test(textContent(c))) { found.unsure.delete(c); found.added.add(c); c.children = []; }
  return { hidden, unsure: found.unsure, added: found.added };
}

function digitContent(rule: Rule): boolean {
  return rule.selectors.some((s) => PSEUDO_CONTENT.test(s)) && rule.nodes.some((d) => d.type === 'decl' && d.prop.toLowerCase() === 'content' && /\d/.test(d.value));
}

function applyRule(e: Sheet, root: Element, found: Found): void {
  const { rule, adds } = e;
  if (!inScreen(rule)) return;
  const sure = mediaSure(rule);
  for (const selector of rule.selectors) {
    if (STATEFUL.test(selector)) continue;
    const pseudo = PSEUDO_CONTENT.test(selector);
    if (pseudo && !adds) continue;
    for (const el of match(pseudo ? selector.replace(PSEUDO_CONTENT, '') || '*' : selector, root)) {
      if (pseudo) { found.added.add(el); continue; }
      if (e.hides) (sure ? found.hide : found.unsure).add(el);
      if (e.faint) found.faint.add(el);
      if (e.moved) found.moved.add(el);
      if (e.shows) found.show.add(el);
    }
  }
}

function match(selector: string, root: Element): Element[] {
  try {
    return selectAll(selector, root, { adapter });
  } catch {
    return []; // A selector css-select does not know matches nothing it could name.
  }
}

/** Inline styles that leave an element unsure (its hiding is read with the tree, tree.ts). */
function inlineEffects(root: Element, found: Found): void {
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (c.attrs.style && MAY_MATTER.test(c.attrs.style)) {
        const e = effect(inlineDecls(c.attrs.style));
        if (e.faint) found.faint.add(c);
        if (e.moved) found.moved.add(c);
      }
      walk(c);
    }
  };
  walk(root);
}

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
      if (c.tag === 'style') out.push(textContent(c));
      else walk(c);
    }
  };
  walk(root);
  return out.join('\n');
}

const CELL = new Set(['td', 'th']);
const TABLE = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption']);

function cellOf(e: Element): boolean {
  for (let p: Element | null = e; p; p = p.parent) if (CELL.has(p.tag)) return true;
  return false;
}

function inTable(e: Element): boolean {
  for (let p: Element | null = e; p; p = p.parent) if (TABLE.has(p.tag)) return true;
  return false;
}

/** The row an element stands in (itself if a row or a table), or the element. */
function rowOf(e: Element): Element {
  for (let p: Element | null = e; p; p = p.parent) if (p.tag === 'tr' || p.tag === 'table') return p;
  return e;
}

function cellsOf(e: Element): Element[] {
  if (CELL.has(e.tag)) return [e];
  return e.children.flatMap((c) => (isEl(c) ? cellsOf(c) : []));
}

function markCells(root: Element, out: Set<Element>, which: (e: Element) => boolean): void {
  const walk = (e: Element, inCell: boolean) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (inCell && which(c)) out.add(c);
      walk(c, inCell || CELL.has(c.tag));
    }
  };
  walk(root, false);
}

/** Every run of digits under `e` becomes the unsure mark (not in words: 1.属于国家秘密 names a row). */
function markDigits(e: Element): void {
  e.children = e.children.map((c) => (isEl(c) ? (markDigits(c), c) : CJK.test(c) ? c : c.replace(/[\d０-９]+/g, UNSURE_TEXT)));
}

/** Takes out what the styles hide, marks the digits only a browser could place, and the cells CSS adds digits to. */
export function applyStyleEffects(root: Element): void {
  const { hidden, unsure, added } = styleEffects(root);
  if (!hidden.size && !unsure.size && !added.size) return;
  const walk = (e: Element) => {
    e.children = e.children.filter((c) => !isEl(c) || !hidden.has(c));
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (unsure.has(c)) markDigits(c);
      else walk(c);
      if (added.has(c)) c.children.push(UNSURE_TEXT);
    }
  };
  walk(root);
}
