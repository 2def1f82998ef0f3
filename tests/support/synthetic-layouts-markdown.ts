/**
 * Family 27: Markdown as PDF-to-Markdown tools (MinerU and its kin) write it. A table whose
 * cells merge is raw HTML amid the Markdown, its label cells spanning rows and columns, on
 * one line or a row a line, sometimes wrapped in <html><body>; a table without merges is a
 * pipe table whose cells may be set bold, italic or as code.
 */
import { report, type Table } from './synthetic-layouts-sheets';
import type { Ctx, SyntheticDoc } from './synthetic-layouts';

const FIGURE = /^[\d,，.０-９/／—－-]*$/;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Leading columns that hold no figure in any row: the table's labels. */
function labelColumns(t: Table): number {
  let n = 0;
  while (n < t[0].length && t.some((r) => r[n] !== '' && !FIGURE.test(r[n])) && t.every((r) => r[n] === '' || !/^[\d,，.０-９]+$/.test(r[n]))) n++;
  return n;
}

/**
 * The table as HTML. With `spans`, an empty label cell is covered by the label before it in its
 * row (colspan) or, where its row has none, by the label above it (rowspan), as a merged cell.
 */
function html(t: Table, spans: boolean, cellTag: (row: number) => string): string[] {
  const L = spans ? labelColumns(t) : 0;
  const covered = t.map((r) => r.map(() => false));
  const colspan = t.map((r) => r.map(() => 1));
  const rowspan = t.map((r) => r.map(() => 1));
  for (let i = 0; i < t.length; i++) {
    for (let k = 0; k < L; k++) {
      if (t[i][k] === '' || covered[i][k]) continue;
      let e = k + 1;
      while (e < L && t[i][e] === '' && !covered[i][e]) { covered[i][e] = true; e++; }
      colspan[i][k] = e - k;
    }
  }
  for (let k = 0; k < L; k++) {
    for (let i = 0; i < t.length; i++) {
      if (t[i][k] === '' || covered[i][k]) continue;
      let e = i + 1;
      // Below a label, a row whose own label stands further right: the label above spans it.
      while (e < t.length && t[e][k] === '' && !covered[e][k] && t[e].slice(k + 1, L).some((x) => x !== '')) { covered[e][k] = true; e++; }
      rowspan[i][k] = e - i;
    }
  }
  return t.map((r, i) => `<tr>${r.map((x, k) => {
    if (covered[i][k]) return '';
    const tag = cellTag(i);
    const attrs = (colspan[i][k] > 1 ? ` colspan="${colspan[i][k]}"` : '') + (rowspan[i][k] > 1 ? ` rowspan="${rowspan[i][k]}"` : '');
    return `<${tag}${attrs}>${esc(x)}</${tag}>`;
  }).join('')}</tr>`);
}

/** A pipe cell set bold, italic or as code, or left as it is. */
function styled(c: Ctx, x: string): string {
  if (x === '' || c.r() < 0.5) return x;
  return `${['**', '*', '`', '__'][Math.floor(c.r() * 4)]}`.replace(/^(.*)$/, (w) => `${w}${x}${w}`);
}

export function mineruMarkdown(c: Ctx): SyntheticDoc {
  const oneLine = c.r() < 0.5;
  const wrapped = c.r() < 0.4;
  const spans = c.r() < 0.7;
  const th = c.r() < 0.3;
  const pipeT2 = c.r() < 0.5;
  let n = 0;
  return report(c, 'report.md', (t) => {
    n++;
    if (n === 1 && pipeT2) {
      const row = (r: string[]) => `| ${r.map((x) => styled(c, x)).join(' | ')} |`;
      return [row(t[0]), `|${t[0].map(() => '---|').join('')}`, ...t.slice(1).map(row)];
    }
    // (Head rows are the rows before the first figure.)
    const firstFigure = t.findIndex((r) => r.some((x) => /\d/.test(x) && FIGURE.test(x)));
    const rows = html(t, spans, (i) => (th && i < firstFigure ? 'th' : 'td'));
    const open = wrapped ? '<html><body><table>' : '<table border="1">';
    const close = wrapped ? '</table></body></html>' : '</table>';
    return oneLine ? [`${open}${rows.join('')}${close}`] : [open, ...rows, close];
  });
}
