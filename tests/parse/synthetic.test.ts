/**
 * Reports the parser has never seen: random figures that keep the form's sums, in the
 * layouts real reports take (tabbed rows, space-separated rows with page footers and
 * wrapped labels, column-by-column extractor text, Markdown pipes, digits run together).
 */
import { describe, expect, it } from 'vitest';
import type { Template } from '../../src/lib/format';
import { parseDocument } from '../../src/lib/parse';
import { readMarkdown, readText } from '../../src/lib/parse/text';
import { readHtml } from '../../src/lib/parse/html';
import {
  heading, makeReport, printed, printedRows, rng, T2_HEAD, T3_HEAD, T4_HEAD, TAIL, type Synthetic,
} from '../support/synthetic';

type Layout = (s: Synthetic, seed: number) => string;

const tabbed: Layout = (s) => {
  const rows = printedRows(s);
  const body = (t: string) => rows.filter((r) => r.table === t).map((r) => [r.label, ...r.keys.map((k) => printed(s, k))].join('\t')).join('\n');
  return `${heading(s)}${T2_HEAD[s.template]}\n${body('t2')}\n${T3_HEAD}\n${body('t3')}\n${T4_HEAD}\n${body('t4')}\n${TAIL}`;
};

/** pypdf-like: single spaces, a page footer anywhere, long labels wrapped before their numbers. */
const spaced: Layout = (s, seed) => {
  const r = rng(seed * 7 + 1);
  const lines: string[] = [];
  let page = 1;
  const row = (label: string, nums: string[]) => {
    if (label.length > 12 && r() < 0.5) {
      const cut = 6 + Math.floor(r() * (label.length - 8));
      lines.push(label.slice(0, cut));
      lines.push(`${label.slice(cut)} ${nums.join(' ')}`);
    } else lines.push(`${label} ${nums.join(' ')}`.trim());
    if (r() < 0.1) lines.push(`- ${page++} -`);
  };
  lines.push(...heading(s).split('\n'), ...T2_HEAD[s.template].replace(/\t/g, ' ').split('\n'));
  for (const x of printedRows(s).filter((x) => x.table === 't2')) row(x.label, x.keys.map((k) => printed(s, k)));
  lines.push(...T3_HEAD.replace(/\t/g, ' ').split('\n'));
  for (const x of printedRows(s).filter((x) => x.table === 't3')) row(x.label, x.keys.map((k) => printed(s, k)));
  lines.push(...T4_HEAD.replace(/\t/g, ' ').split('\n'));
  for (const x of printedRows(s).filter((x) => x.table === 't4')) row('', x.keys.map((k) => printed(s, k)));
  lines.push(...TAIL.split('\n'));
  return lines.join('\n');
};

/** pdfminer-like: a page's row labels first, then its numbers one per line, column by column. */
const columnwise: Layout = (s) => {
  const lines = [...heading(s).split('\n'), ...T2_HEAD[s.template].split(/[\n\t]/)];
  for (const x of printedRows(s).filter((x) => x.table === 't2')) lines.push(x.label, ...x.keys.map((k) => printed(s, k)));
  lines.push(...T3_HEAD.split(/[\n\t]/));
  const t3 = printedRows(s).filter((x) => x.table === 't3');
  for (const pageRows of [t3.slice(0, 12), t3.slice(12)]) {
    lines.push(...pageRows.map((x) => x.label));
    for (let c = 0; c < 7; c++) for (const x of pageRows) lines.push(printed(s, x.keys[c]));
    lines.push('- 4 -');
  }
  lines.push(...T4_HEAD.split(/[\n\t]/));
  for (const k of printedRows(s).find((x) => x.table === 't4')!.keys) lines.push(printed(s, k));
  lines.push(...TAIL.split('\n'));
  return lines.join('\n');
};

const markdown: Layout = (s) => {
  const rows = printedRows(s);
  const md = (t: string) => rows.filter((r) => r.table === t).map((r) => `| ${[r.label, ...r.keys.map((k) => printed(s, k))].join(' | ')} |`).join('\n');
  return `${heading(s)}${T2_HEAD[s.template]}\n|---|---|---|---|\n${md('t2')}\n\n${T3_HEAD}\n|---|---|---|---|---|---|---|---|\n${md('t3')}\n\n${T4_HEAD}\n${md('t4')}\n\n${TAIL}`;
};

/** A crawler's one-line dump: labels and digits glued together. */
const glued: Layout = (s) => tabbed(s, 0).replace(/\n/g, ' ').replace(/\t/g, '');

const LAYOUTS: [string, Layout, (t: string) => ReturnType<typeof readText>][] = [
  ['tabbed rows', tabbed, readText],
  ['space-separated rows, footers, wrapped labels', spaced, readText],
  ['column-by-column extractor text', columnwise, readText],
  ['markdown pipes', markdown, readMarkdown],
];

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const TEMPLATES: Template[] = ['2019', '2021'];

describe.each(LAYOUTS)('%s', (_name, layout, read) => {
  it.each(TEMPLATES.flatMap((t) => SEEDS.map((seed) => [t, seed] as const)))('template %s, seed %i: every cell exact', (t, seed) => {
    const s = makeReport(seed, t);
    const r = parseDocument('synthetic.txt', read(layout(s, seed)));
    expect(r.year).toBe(s.year);
    expect(r.template).toBe(t);
    expect(r.uncertain).toEqual({});
    expect(r.cells).toEqual(s.cells);
    expect(r.findings).toEqual([]);
    expect(r.proactive_total?.value).toBe(321);
  });
});

describe('digits run together', () => {
  it.each(TEMPLATES.flatMap((t) => SEEDS.map((seed) => [t, seed] as const)))('template %s, seed %i: no silent error', (t, seed) => {
    const s = makeReport(seed, t);
    const r = parseDocument('synthetic.txt', readText(glued(s, seed)));
    for (const [k, v] of Object.entries(s.cells)) {
      // A flagged cell lists its possible values (the first six when there are more).
      // Placed by order with no rule to confirm it, or too many splits to list within the budget.
      if (k in r.uncertain && /按顺序推断|读法太多/.test(r.uncertain[k])) continue;
      if (k in r.uncertain) {
        expect(r.uncertain[k]).toMatch(/可能为/);
        if (!/ 等）/.test(r.uncertain[k])) expect(r.uncertain[k]).toContain(String(v));
      }
      else expect(r.cells[k], k).toBe(v);
    }
    // Rows whose sums pin the split must come out exact: 表三 rows with a single reading.
    const t3Exact = Object.keys(s.cells).filter((k) => k.startsWith('apps.') && !(k in r.uncertain));
    expect(t3Exact.length).toBeGreaterThan(0);
  });
});

/** A Word-exported page: 表三's group labels as rowspans, blank cells for columns not filled. */
function htmlPage(s: Synthetic, blankLegal: boolean): string {
  const rows = printedRows(s);
  const td = (v: string) => `<td><p><span>${v}</span></p></td>`;
  const cell = (k: string) => td(blankLegal && /^apps\..*\.(research|nonprofit|legal|other_org)$/.test(k) ? '' : printed(s, k));
  const t2 = rows.filter((r) => r.table === 't2').map((r) => `<tr>${td(r.label)}${r.keys.map(cell).join('')}</tr>`).join('');
  const t3rows = rows.filter((r) => r.table === 't3');
  const t3 = t3rows.map((r, i) => {
    const group = i === 2 ? `<td rowspan="${t3rows.length - 3}">三、本年度办理结果</td>` : '';
    return `<tr>${group}${td(r.label)}${r.keys.map(cell).join('')}</tr>`;
  }).join('');
  const t4 = `<tr>${rows.find((r) => r.table === 't4')!.keys.map(cell).join('')}</tr>`;
  return `<html><head><meta charset="utf-8"><title>${s.year}年度政府信息公开工作年度报告</title></head><body>
<div class="article">${heading(s).split('\n').map((l) => `<p>${l}</p>`).join('')}
<table><tr><td colspan="4">第二十条第（一）项</td></tr>${t2}</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>${t3}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>${t4}</table>
<p>五、存在的主要问题及改进情况</p></div></body></html>`;
}

describe('HTML pages with rowspans', () => {
  it.each(TEMPLATES.flatMap((t) => SEEDS.slice(0, 6).map((seed) => [t, seed] as const)))('template %s, seed %i: exact', (t, seed) => {
    const s = makeReport(seed, t);
    const r = parseDocument('page.html', readHtml(new TextEncoder().encode(htmlPage(s, false))));
    expect(r.uncertain).toEqual({});
    expect(r.cells).toEqual(s.cells);
  });

  it.each(TEMPLATES.map((t) => [t] as const))('template %s: blank cells stay null, never 0', (t) => {
    const s = makeReport(3, t);
    for (const k of Object.keys(s.cells)) {
      if (/^apps\..*\.(research|nonprofit|legal|other_org)$/.test(k)) s.cells[k] = null;
    }
    const r = parseDocument('page.html', readHtml(new TextEncoder().encode(htmlPage(s, true))));
    for (const [k, v] of Object.entries(s.cells)) {
      if (k.startsWith('apps.other.') && t === '2021') continue;
      expect(r.cells[k], k).toBe(v);
    }
  });
});

describe('a 2021 report that prints the 2019 single （六）其他处理 row', () => {
  it.each(SEEDS.slice(0, 6))('seed %i: the row is read, its three sub-rows are not reported', (seed) => {
    const s = makeReport(seed, '2021');
    const text = tabbed(s, seed).replace(/1\.申请人无正当理由[^\n]*\n2\.申请人逾期未按[^\n]*\n3\.其他[^\n]*/, () =>
      ['（六）其他处理', ...['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => printed(s, `apps.other.${c}`))].join('\t'));
    const r = parseDocument('x.txt', readText(text));
    for (const sub of ['other_no_correction', 'other_no_fee', 'other_misc']) expect(r.cells[`apps.${sub}.total`]).toBeNull();
    expect(r.cells['apps.other.total']).toBe(s.cells['apps.other.total']);
    expect(r.cells['apps.total.natural']).toBe(s.cells['apps.total.natural']);
    expect(r.findings).toEqual([]);
  });
});
