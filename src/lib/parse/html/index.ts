/**
 * The HTML input reader: report pages as government sites serve them (GBK or UTF-8, Word
 * markup, site chrome) → ReportDocument. Pure string work, no DOM, so it runs in Node and in
 * a Web Worker alike; it never throws on bad input, it returns what it found.
 */
import type { ReportDocument } from '../document';
import { decodeHtml } from './decode';
import { mainContainer } from './main';
import { Layouts, pageText, tableLines } from './render';
import { cleanText } from './text';
import { buildTree, findFirst, textContent } from './tree';
import { applyStyleEffects } from './stylesheet';

export { decodeHtml } from './decode';
export { layoutTable, tableGrid, type LaidCell, type Slot, type TableLayout } from './table';
export { buildTree } from './tree';

export function readHtml(bytes: Uint8Array): ReportDocument {
  return readHtmlString(decodeHtml(bytes).text);
}

export function readHtmlString(html: string): ReportDocument {
  const root = buildTree(html);
  applyStyleEffects(root);
  const layouts = new Layouts();
  const titleEl = findFirst(root, 'title');
  const title = titleEl ? cleanText(textContent(titleEl)) : '';
  const body = findFirst(root, 'body') ?? root;
  const doc: ReportDocument = {
    kind: 'html',
    text: pageText(mainContainer(body), layouts),
    lines: tableLines(root, layouts),
  };
  if (title) doc.title = title;
  // A page ends on a closing tag; one that stops in text was cut short, perhaps inside a number.
  if (endsInText(html)) doc.endsInCell = true;
  return doc;
}

/** Whether the last character that is not white space is other than `>` (a regex would try every position of the page). */
function endsInText(html: string): boolean {
  for (let i = html.length - 1; i >= 0; i--) {
    const ch = html[i];
    if (!/\s/.test(ch)) return ch !== '>';
  }
  return false;
}
