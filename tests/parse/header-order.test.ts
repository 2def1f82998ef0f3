/**
 * Columns printed in another order than the form's, named by the table's own header: 表四's five
 * columns in each block and its two 行政诉讼 blocks, 表二's columns of an item. Read by position,
 * such a table came out wrong with no flag; now the header puts the figures back where its names
 * stand one a cell, and where it cannot tell, the cells are flagged. Also: one page cell holding
 * figures on two lines, and 表四 printed before 表三.
 */
import { describe, expect, it } from 'vitest';
import { REVIEW_BLOCKS, REVIEW_COLS, REVIEW_COL_LABELS, T2_ROWS, type Template } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { applicantPage, reportPage, t2Tables, withT2 } from '../support/html-page';
import { makeReport, printed, rng, T3_HEAD, T2_HEAD, heading, printedRows, TAIL, type Synthetic } from '../support/synthetic';

const enc = new TextEncoder();

async function parse(name: string, text: string): Promise<ParsedReport> {
  const r = await parseFile(name, enc.encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

/** Every cell of `keys` read exactly, or null and flagged; returns how many were exact. */
function noSilentWrong(r: ParsedReport, s: Synthetic, keys: string[]): number {
  let exact = 0;
  for (const k of keys) {
    const want = s.cells[k];
    const got = r.cells[k];
    if (got === want) { exact++; continue; }
    expect({ key: k, got, flagged: k in r.uncertain }).toEqual({ key: k, got: null, flagged: true });
  }
  return exact;
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const REVIEW_KEYS = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLS.map((c) => `${b}.${c}`));

/** 表四 as a page prints it, its columns in `cols` order (each block alike), its suits maybe swapped. */
function t4Html(s: Synthetic, cols: readonly number[], suitsSwapped: boolean): string {
  const names = cols.map((i) => REVIEW_COL_LABELS[REVIEW_COLS[i]]);
  const suits = suitsSwapped ? ['suit_after_review', 'suit_direct'] : ['suit_direct', 'suit_after_review'];
  const suitName = (b: string) => (b === 'suit_direct' ? '未经复议直接起诉' : '复议后起诉');
  const blocks = ['review', ...suits];
  const cell = (b: string, i: number) => `<td>${printed(s, `${b}.${REVIEW_COLS[i]}`)}</td>`;
  return `<table border="1"><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${names.map((n) => `<th rowspan="2">${n}</th>`).join('')}${suits.map((b) => `<th colspan="5">${suitName(b)}</th>`).join('')}</tr>
<tr>${[...names, ...names].map((n) => `<th>${n}</th>`).join('')}</tr>
<tr>${blocks.flatMap((b) => cols.map((i) => cell(b, i))).join('')}</tr></table>`;
}

function withT4(page: string, t4: string): string {
  const at = page.indexOf('<p>四、政府信息公开行政复议');
  const end = page.indexOf('<p>五、');
  return `${page.slice(0, at)}<p>四、政府信息公开行政复议、行政诉讼情况</p>\n${t4}\n${page.slice(end)}`;
}

const t2Keys = (t: Template) => T2_ROWS[t].flatMap((r) => r.cols.map((c) => `t2.${r.stem}.${c.key}`));

describe('表四 printed with its columns or blocks in another order', () => {
  it('reads every cell by the header, whatever the order, on pages', async () => {
    const rand = rng(4401);
    let moved = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const s = makeReport(7000 + seed, seed % 2 ? '2021' : '2019');
      const cols = seed % 3 === 0 ? [0, 1, 2, 3, 4] : shuffle([0, 1, 2, 3, 4], rand);
      const swapped = seed % 4 < 2;
      if (cols.join() !== '0,1,2,3,4' || swapped) moved++;
      const r = await parse('r.html', withT4(reportPage(s), t4Html(s, cols, swapped)));
      for (const k of REVIEW_KEYS) expect([k, r.cells[k]]).toEqual([k, s.cells[k]]);
    }
    expect(moved).toBeGreaterThan(15);
  });

  it('reads a tab-separated text dump by its header too', async () => {
    const s = makeReport(7101, '2021');
    const cols = [4, 0, 1, 2, 3];
    const names = cols.map((i) => REVIEW_COL_LABELS[REVIEW_COLS[i]]);
    const lines = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议\t行政诉讼', [...names, '复议后起诉', '未经复议直接起诉'].join('\t'),
      [...names, ...names].join('\t'),
      ['review', 'suit_after_review', 'suit_direct'].flatMap((b) => cols.map((i) => printed(s, `${b}.${REVIEW_COLS[i]}`))).join('\t')];
    const text = `${heading(s)}\n${lines.join('\n')}\n${TAIL}\n`;
    const r = await parse('r.txt', text);
    for (const k of REVIEW_KEYS) expect([k, r.cells[k]]).toEqual([k, s.cells[k]]);
    expect(r.notes.join('')).toContain('已按表头读取');
  });

  it('flags the cells where header lines disagree, or names only some columns out of order', async () => {
    const s = makeReport(7202, '2021');
    // The review block's heads in one order, the suits' in the form's: no one order for all blocks.
    const names = REVIEW_COLS.map((c) => REVIEW_COL_LABELS[c]);
    const odd = [names[1], names[0], ...names.slice(2)];
    const split = `<table border="1"><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${odd.map((n) => `<th rowspan="2">${n}</th>`).join('')}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${[...names, ...names].map((n) => `<th>${n}</th>`).join('')}</tr>
<tr>${REVIEW_KEYS.map((k) => `<td>${printed(s, k)}</td>`).join('')}</tr></table>`;
    const a = await parse('a.html', withT4(reportPage(s), split));
    expect(noSilentWrong(a, s, REVIEW_KEYS)).toBeLessThan(REVIEW_KEYS.length);
    // 结果纠正 first, 结果维持 worded otherwise (原决定维持): the known names rise, but 结果纠正 stands in the
    // block's first column. The figures follow the heads.
    const partial = `<table border="1"><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><th rowspan="2">结果纠正</th><th rowspan="2">原决定维持</th><th rowspan="2">其他结果</th><th rowspan="2">尚未审结</th><th rowspan="2">总计</th><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${Array(2).fill('<th>结果纠正</th><th>原决定维持</th><th>其他结果</th><th>尚未审结</th><th>总计</th>').join('')}</tr>
<tr>${REVIEW_BLOCKS.flatMap((bl) => [1, 0, 2, 3, 4].map((i) => `<td>${printed(s, `${bl}.${REVIEW_COLS[i]}`)}</td>`)).join('')}</tr></table>`;
    const b = await parse('b.html', withT4(reportPage(s), partial));
    expect(noSilentWrong(b, s, REVIEW_KEYS)).toBeLessThan(REVIEW_KEYS.length);
    for (const k of REVIEW_KEYS) expect(b.uncertain[k]).toContain('表头');
  });

  it('reads 表四 printed before 表三', async () => {
    const s = makeReport(7303, '2019');
    const page = reportPage(s);
    const t3 = page.slice(page.indexOf('<p>三、收到和处理'), page.indexOf('<p>四、'));
    const t4 = page.slice(page.indexOf('<p>四、'), page.indexOf('<p>五、'));
    const swapped = page.replace(t3 + t4, t4 + t3);
    expect(swapped).not.toBe(page);
    const r = await parse('r.html', swapped);
    for (const k of REVIEW_KEYS) expect([k, r.cells[k]]).toEqual([k, s.cells[k]]);
    expect(r.cells['apps.total.total']).toBe(s.cells['apps.total.total']);
    expect(r.missing).toEqual([]);
  });
});

describe('表二 printed with an item\'s columns in another order', () => {
  for (const template of ['2019', '2021'] as const) {
    it(`reads each item by its own header (${template})`, async () => {
      const rand = rng(template === '2019' ? 2019 : 2021);
      for (let seed = 1; seed <= 12; seed++) {
        const s = makeReport(7400 + seed, template);
        const r = await parse('r.html', withT2(reportPage(s), t2Tables(s, (n) => shuffle([...Array(n).keys()], rand))));
        for (const k of t2Keys(template)) expect([k, r.cells[k]]).toEqual([k, s.cells[k]]);
      }
    });
  }

  it('flags an item whose header names its columns out of order but not all of them', async () => {
    const s = makeReport(7501, '2021');
    const r0 = T2_ROWS['2021'][0];
    // 本年废止件数 worded otherwise: only two names known, and those two swapped.
    const head = `<tr><th colspan="4">${r0.item}</th></tr><tr><th>信息内容</th><th>现行有效件数</th><th>本年废止数</th><th>本年制发件数</th></tr>`;
    const order = [2, 1, 0];
    const body = T2_ROWS['2021'].filter((r) => r.item === r0.item)
      .map((r) => `<tr><td>${r.label}</td>${order.map((i) => `<td>${printed(s, `t2.${r.stem}.${r.cols[i].key}`)}</td>`).join('')}</tr>`).join('');
    const rest = t2Tables(s).split('\n').slice(1).join('\n');
    const r = await parse('r.html', withT2(reportPage(s), `<table border="1">${head}${body}</table>\n${rest}`));
    const keys = ['rules', 'normative'].flatMap((stem) => r0.cols.map((c) => `t2.${stem}.${c.key}`));
    noSilentWrong(r, s, keys);
    expect(keys.filter((k) => r.uncertain[k]?.includes('表头'))).toEqual(keys);
  });
});

describe('one cell of a page holding figures on two lines', () => {
  it('is flagged, and the cells after it keep their columns', async () => {
    const s = makeReport(7602, '2019');
    s.cells['t2.procurement.items'] = 249;
    const page = withT2(reportPage(s), t2Tables(s))
      .replace(/(<td>政府集中采购<\/td><td>)249(<\/td>)/, '$1<p>2</p><p>49</p>$2');
    expect(page).toContain('<p>2</p><p>49</p>');
    const r = await parse('r.html', page);
    expect(r.cells['t2.procurement.items']).toBeNull();
    expect(r.uncertain['t2.procurement.items']).toContain('2 49');
    expect(r.cells['t2.procurement.amount_yuan']).toBe(s.cells['t2.procurement.amount_yuan']);
  });
});

describe('a row of zeros whose total is printed blank', () => {
  it('puts the whole row in doubt: the blank may be any of its cells', async () => {
    const s = makeReport(7703, '2021');
    const t3 = printedRows(s).filter((r) => r.table === 't3');
    const rows = t3.map((r) => {
      const vals = r.label.includes('结转下年度') ? ['0', '0', '0', '0', '0', '0', ''] : r.keys.map((k) => printed(s, k));
      return `| ${r.label} | ${vals.join(' | ')} |`;
    });
    const md = `${heading(s)}\n${T2_HEAD['2021'].split('\n')[0]}\n\n${T3_HEAD.split('\n')[0]}\n\n| 行 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\n${TAIL}\n`;
    const r = await parse('r.md', md);
    for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total']) {
      const k = `apps.carried_forward.${c}`;
      expect([k, r.cells[k], r.uncertain[k] !== undefined]).toEqual([k, null, true]);
    }
  });
});

describe('a table flattened by its tool: labels that would span columns beside empty cells', () => {
  it('reads every row: the empty cells in label columns are layout, not blanks', async () => {
    for (const seed of [7801, 7802, 7803, 7804]) {
      const s = makeReport(seed, seed % 2 ? '2021' : '2019');
      const rows = printedRows(s).filter((r) => r.table === 't3');
      const td = (x: string) => `<td>${x}</td>`;
      const body = rows.map((r, i) => {
        const labels = i < 2 || i === rows.length - 1 ? [r.label, '', ''] : i === 2 ? ['三、本年度办理结果', r.label, ''] : ['', r.label, ''];
        return `<tr>${labels.map(td).join('')}${r.keys.map((k) => td(printed(s, k))).join('')}</tr>`;
      }).join('\n');
      const head = ['<tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td></td><td></td><td>申请人情况</td>' + '<td></td>'.repeat(6) + '</tr>',
        '<tr><td></td><td></td><td></td><td>自然人</td><td>法人或其他组织</td>' + '<td></td>'.repeat(4) + '<td>总计</td></tr>',
        '<tr>' + '<td></td>'.repeat(4) + ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map(td).join('') + '<td></td></tr>'].join('\n');
      const page = reportPage(s);
      const at = page.indexOf('<p>三、收到和处理');
      const end = page.indexOf('<p>四、');
      const flat = `${page.slice(0, at)}<p>三、收到和处理政府信息公开申请情况</p>\n<table border="1">${head}\n${body}</table>\n${page.slice(end)}`;
      const r = await parse('r.html', flat);
      const keys = rows.flatMap((row) => row.keys);
      for (const k of keys) expect([k, r.cells[k]]).toEqual([k, s.cells[k]]);
    }
  });
});

describe('heads in other words, columns in another order', () => {
  it('表三 with 公民 and 合计: read by where the page sets each head, or flagged; never one column off', async () => {
    const orders = [
      ['commercial', 'research', 'nonprofit', 'legal', 'other_org', 'natural', 'total'],
      ['total', 'natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'],
    ];
    let exact = 0;
    let cells = 0;
    for (const [i, order] of orders.entries()) {
      for (const seed of [7901, 7902, 7903]) {
        const s = makeReport(seed + 10 * i, seed % 2 ? '2021' : '2019');
        const r = await parse('r.html', applicantPage(s, order, { natural: '公民', total: '合计' }));
        const keys = printedRows(s).filter((x) => x.table === 't3').flatMap((x) => x.keys);
        exact += noSilentWrong(r, s, keys);
        cells += keys.length;
      }
    }
    expect(exact / cells).toBeGreaterThan(0.9);
  });

  it('表四 with short heads (维持 · 纠正 · 其他 · 未审结 · 合计) in another order: read by the heads', async () => {
    const s = makeReport(7951, '2021');
    const short: Record<string, string> = { upheld: '维持', corrected: '纠正', other: '其他', pending: '未审结', total: '合计' };
    const cols = [1, 0, 4, 2, 3];
    const names = cols.map((i) => short[REVIEW_COLS[i]]);
    const t4 = `<table border="1"><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${names.map((n) => `<th rowspan="2">${n}</th>`).join('')}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${[...names, ...names].map((n) => `<th>${n}</th>`).join('')}</tr>
<tr>${REVIEW_BLOCKS.flatMap((b) => cols.map((i) => `<td>${printed(s, `${b}.${REVIEW_COLS[i]}`)}</td>`)).join('')}</tr></table>`;
    const r = await parse('r.html', withT4(reportPage(s), t4));
    for (const k of REVIEW_KEYS) expect([k, r.cells[k]]).toEqual([k, s.cells[k]]);
  });
});
