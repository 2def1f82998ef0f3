/**
 * A synthetic report as a web page, in the shapes sites publish: optionally inside a layout
 * table (site chrome around the article), with header cells wrapped by <br>, and with blank
 * cells written as a dash. Labels come from the synthetic report's printed rows.
 */
import { T2_ROWS } from '../../src/lib/format';
import { printed, printedRows, heading, type Synthetic } from './synthetic';

export interface PageShape {
  /** The article sits in a cell of a page-wide layout table. */
  layoutTable?: boolean;
  /** Header cells wrap their words with <br>. */
  brHeaders?: boolean;
  /** What a blank cell shows ('' for an empty <td>). */
  blank?: string;
  /** Keys printed blank. */
  blankKeys?: (key: string) => boolean;
  /** A cell's whole markup, given its key and what it shows (default `<td>shown</td>`). */
  cell?: (key: string, shown: string) => string;
}

const T3_HEAD: string[][] = [
  ['3:2:（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '7:1:申请人情况'],
  ['1:2:自然人', '5:1:法人或其他组织', '1:2:总计'],
  ['1:1:商业企业', '1:1:科研机构', '1:1:社会公益组织', '1:1:法律服务机构', '1:1:其他'],
];
const T4_HEAD: string[][] = [
  ['5:1:行政复议', '10:1:行政诉讼'],
  ['1:2:结果维持', '1:2:结果纠正', '1:2:其他结果', '1:2:尚未审结', '1:2:总计', '5:1:未经复议直接起诉', '5:1:复议后起诉'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((x) => `1:1:${x}`),
];

export function reportPage(s: Synthetic, shape: PageShape = {}): string {
  const wrap = (label: string) => (shape.brHeaders && label.length > 4 ? label.replace(/(.{4})(?=.)/g, '$1<br>') : label);
  const head = (rows: string[][]) => rows.map((r) => `<tr>${r.map((spec) => {
    const [cs, rs, label] = spec.split(':');
    return `<th colspan="${cs}" rowspan="${rs}">${wrap(label)}</th>`;
  }).join('')}</tr>`).join('\n');
  const value = (k: string) => {
    const v = shape.blankKeys?.(k) ? '' : printed(s, k);
    const shown = v === '' ? (shape.blank ?? '') : v;
    return shape.cell ? shape.cell(k, shown) : `<td>${shown}</td>`;
  };
  const rows = printedRows(s);
  const body = (table: 't2' | 't3' | 't4', label: (l: string, i: number, n: number) => string) => {
    const list = rows.filter((r) => r.table === table);
    return list.map((r, i) => `<tr>${label(r.label, i, list.length)}${r.keys.map(value).join('')}</tr>`).join('\n');
  };
  const article = `<h1>${heading(s).split('\n')[1]}</h1>
${heading(s).split('\n').filter((l, i) => i !== 1 && l).map((l) => `<p>${l}</p>`).join('\n')}
<table border="1"><tr><th colspan="4">第二十条第（一）项</th></tr>
${body('t2', (l) => `<td>${l}</td>`)}</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">${head(T3_HEAD)}
${body('t3', (l, i, n) => (i === 2 ? `<td rowspan="${n - 3}">${wrap('三、本年度办理结果')}</td>` : '') + `<td${i < 2 ? ' colspan="2"' : ''}>${l}</td>`)}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">${head(T4_HEAD)}
${body('t4', () => '')}</table>
<p>五、存在的主要问题及改进情况</p>`;
  const page = shape.layoutTable
    ? `<table width="100%"><tr><td><a href="/">首页</a> &gt; 政务公开 &gt; 年度报告</td></tr>
<tr><td>${article}</td></tr><tr><td>主办单位：某某街道办事处　版权所有</td></tr></table>`
    : `<div class="article">${article}</div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${s.year}年度政府信息公开工作年度报告</title></head><body>\n${page}\n</body></html>`;
}

/**
 * 表二 as pages print it item by item: each 第二十条 item a table with its heading and column
 * heads, the columns in `order(n)` (the form's by default) for every item of n columns.
 */
export function t2Tables(s: Synthetic, order: (n: number) => number[] = (n) => [...Array(n).keys()]): string {
  const rows = T2_ROWS[s.template];
  const items = [...new Set(rows.map((r) => r.item))];
  return items.map((item) => {
    const its = rows.filter((r) => r.item === item);
    const n = its[0].cols.length;
    const cols = n > 1 ? order(n) : [0];
    const head = `<tr><th colspan="${n + 1}">${item}</th></tr><tr><th>信息内容</th>${cols.map((i) => `<th>${its[0].cols[i].label}</th>`).join('')}</tr>`;
    const body = its.map((r) => `<tr><td>${r.label}</td>${cols.map((i) => `<td>${printed(s, `t2.${r.stem}.${r.cols[i].key}`)}</td>`).join('')}</tr>`).join('');
    return `<table border="1">${head}${body}</table>`;
  }).join('\n');
}

/** A report page (reportPage) with its 表二 replaced by `t2`. */
export function withT2(page: string, t2: string): string {
  const at = page.indexOf('<table border="1"><tr><th colspan="4">第二十条第（一）项');
  const end = page.indexOf('<p>三、收到和处理');
  return `${page.slice(0, at)}${t2}\n${page.slice(end)}`;
}

const T3_NAMES: Record<string, string> = { natural: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other_org: '其他', total: '总计' };

/**
 * A report page whose 表三 prints its columns in `order` (APP_COLS names), its heads in the form's
 * words or in `words` (公民 for 自然人 …), 法人或其他组织 over the organisations' columns.
 */
export function applicantPage(s: Synthetic, order: string[], words: Record<string, string> = {}): string {
  const rows = printedRows(s).filter((r) => r.table === 't3');
  const name = (c: string) => words[c] ?? T3_NAMES[c];
  const orgs = order.filter((c) => !['natural', 'total'].includes(c));
  const firstOrg = order.indexOf(orgs[0]);
  const top = order.map((c, i) => (c === 'natural' || c === 'total' ? `<th rowspan="2">${name(c)}</th>` : i === firstOrg ? '<th colspan="5">法人或其他组织</th>' : '')).join('');
  const head = `<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr><tr>${top}</tr><tr>${orgs.map((c) => `<th>${name(c)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr><td colspan="3">${r.label}</td>${order.map((c) => `<td>${printed(s, r.keys.find((k) => k.endsWith(`.${c}`))!)}</td>`).join('')}</tr>`).join('\n');
  const page = reportPage(s);
  return `${page.slice(0, page.indexOf('<p>三、收到和处理'))}<p>三、收到和处理政府信息公开申请情况</p>\n<table border="1">${head}\n${body}</table>\n${page.slice(page.indexOf('<p>四、'))}`;
}
