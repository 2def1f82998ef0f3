import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/gold';
import { APP_COLS, APP_ROWS, type Template } from '../../src/lib/format';
import type { Line } from '../../src/lib/parse/document';
import { parseDocument } from '../../src/lib/parse';
import { decodeHtml, layoutTable, readHtml, readHtmlString, tableGrid } from '../../src/lib/parse/html';
import { buildTree, findFirst } from '../../src/lib/parse/html/tree';
import { MALFORMED } from '../fixtures/html/malformed';
import { normalizeText } from '../../src/lib/parse/normalize';
import { reportPage } from '../support/html-page';
import { makeReport } from '../support/synthetic';

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = CORPUS_DIR;
const FIXTURES = resolve(here, '../fixtures/html');
const corpusHtml = readdirSync(resolve(CORPUS, 'reports')).filter((f) => f.endsWith('.html'));

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

interface Gold {
  template: Template;
  cells: Record<string, number | null>;
}

/** Which 表三 row a printed label names, by the cues the format module keeps for it. */
function rowOf(label: string): string | null {
  for (const r of APP_ROWS) if (r.cues.some((c) => label.includes(c))) return r.row;
  return /其他$/.test(label) ? 'other_misc' : null;
}

/** 表三's data rows: a label, then the 7 applicant columns, each a number or blank. */
function t3Rows(lines: Line[]): { row: string; values: string[] }[] {
  const first = lines.find((l) => l.tokens.some((t) => t.text.includes('本年新收')));
  expect(first, '表三 not found').toBeDefined();
  const table = first!.tokens[0].table;
  const out: { row: string; values: string[] }[] = [];
  for (const l of lines) {
    if (l.tokens[0].table !== table || l.tokens.length < 8) continue;
    const values = l.tokens.slice(-7).map((t) => t.text);
    if (!values.every((v) => v === '' || NUMERIC.test(v))) continue;
    const label = l.tokens[l.tokens.length - 8].text;
    const row = rowOf(label);
    expect(row, `unrecognised 表三 label ${label}`).not.toBeNull();
    out.push({ row: row!, values });
  }
  return out;
}

describe('corpus HTML pages', () => {
  it('the corpus holds HTML pages to read', () => expect(corpusHtml.length).toBeGreaterThan(0));
  for (const file of corpusHtml) {
    const id = file.replace(/(\.tables)?\.html$/, '');
    const bytes = new Uint8Array(readFileSync(resolve(CORPUS, 'reports', file)));
    const gold = JSON.parse(readFileSync(resolve(CORPUS, 'gold', `${id}.json`), 'utf8')) as Gold;

    it(`${file}: 表三 cells equal the answer key, blanks stay blank`, () => {
      const doc = readHtml(bytes);
      expect(doc.kind).toBe('html');
      const rows = t3Rows(doc.lines);
      const seen = new Set<string>();
      for (const { row, values } of rows) {
        seen.add(row);
        const want = APP_COLS.map((c) => gold.cells[`apps.${row}.${c}`]);
        expect(values.map((v) => (v === '' ? null : Number(v))), `apps.${row}`).toEqual(want);
      }
      // Every printed row was found (2021's （六） is the sum of its sub-rows, not a row of its own).
      for (const r of APP_ROWS) {
        if (!r.templates.includes(gold.template) || (gold.template === '2021' && r.row === 'other')) continue;
        expect(seen.has(r.row), `apps.${r.row} missing`).toBe(true);
      }
    });

    it(`${file}: tokens carry their table cell`, () => {
      for (const l of readHtml(bytes).lines) {
        expect(l.cellular).toBe(true);
        for (const t of l.tokens) expect(t.table! >= 1 && t.row! >= 1 && t.col! >= 1).toBe(true);
      }
    });

    it(`${file}: text holds the title and the section headings`, () => {
      const doc = readHtml(bytes);
      // A page's <title> often ends in the site's name: "<report title>-<site>".
      if (doc.title) expect(doc.text).toContain(doc.title.split(/\s*[-_|]\s*/)[0]);
      expect(doc.text).toContain('三、收到和处理政府信息公开申请情况');
      expect(doc.text).not.toMatch(/<\/?(td|tr|span|p)\b/);
    });
  }
});

/** A small 表三-like page in Chinese, for the legacy-encoding tests. */
function chinesePage(meta: string): string {
  return `<html><head>${meta}<title>某某镇2023年政府信息公开工作年度报告</title></head><body>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td colspan=2>申请人情况</td><td>自然人</td><td>总计</td></tr>
<tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>12</td><td></td></tr>
<tr><td>（二）部分公开</td><td>3</td><td>3</td></tr></table></body></html>`;
}

describe('legacy Chinese encodings', () => {
  const cases: [string, string, string][] = [
    ['GBK, <meta charset>', 'gbk', '<meta charset="gbk">'],
    ['GB2312, http-equiv', 'gb2312', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
    ['GB18030, undeclared', 'gb18030', ''],
  ];
  for (const [name, enc, meta] of cases) {
    it(name, () => {
      const bytes = new Uint8Array(iconv.encode(chinesePage(meta), enc));
      const doc = readHtml(bytes);
      expect(doc.title).toBe('某某镇2023年政府信息公开工作年度报告');
      expect(doc.text).toContain('三、收到和处理政府信息公开申请情况');
      expect(doc.lines[1].tokens.map((t) => t.text)).toEqual(['三、本年度办理结果', '（一）予以公开', '12', '']);
      expect(doc.lines[2].tokens.map((t) => [t.text, t.col])).toEqual([['（二）部分公开', 2], ['3', 3], ['3', 4]]);
    });
  }

  it('a UTF-8 page still declaring gb2312 is read as UTF-8', () => {
    const bytes = new TextEncoder().encode(chinesePage('<meta charset="gb2312">'));
    expect(decodeHtml(bytes).encoding).toBe('utf-8');
    expect(readHtml(bytes).title).toBe('某某镇2023年政府信息公开工作年度报告');
  });

  it('a GBK page mislabelled as UTF-8 is read as GBK', () => {
    const bytes = new Uint8Array(iconv.encode(chinesePage('<meta charset="utf-8">'), 'gbk'));
    expect(decodeHtml(bytes).encoding).toBe('gb18030');
    expect(readHtml(bytes).title).toBe('某某镇2023年政府信息公开工作年度报告');
  });

  it('a BOM wins', () => {
    const body = new TextEncoder().encode(chinesePage('<meta charset="gbk">'));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(readHtml(bytes).title).toBe('某某镇2023年政府信息公开工作年度报告');
  });
});

describe('table layout', () => {
  const html = readFileSync(resolve(FIXTURES, 'spans.html'), 'utf8');
  const doc = readHtml(new TextEncoder().encode(html));

  it('honours rowspan/colspan, reads a spanned value once, keeps blanks blank', () => {
    expect(doc.lines.map((l) => l.tokens.map((t) => `${t.row}.${t.col}=${t.text}`))).toEqual([
      ['1.1=项目', '1.3=申请人情况'],
      ['2.3=甲', '2.4=乙'],
      ['3.1=三、本年度', '3.2=（一）予以公开', '3.3=1', '3.4='],
      ['4.2=（二）部分公开', '4.3=2', '4.4=3'],
      ['5.2=（三）其他', '5.3=4'],
      ['6.1=总计', '6.3=-5', '6.4=/'],
    ]);
  });

  it('marks covered slots as spanned, not blank', () => {
    const table = findFirst(buildTree(html), 'table')!;
    const grid = tableGrid(layoutTable(table));
    const show = grid.map((r) => r.map((s) => (s === null ? '∅' : s === 'spanned' ? '^' : s.text || '·')));
    expect(show).toEqual([
      ['项目', '^', '申请人情况', '^'],
      ['^', '^', '甲', '乙'],
      ['三、本年度', '（一）予以公开', '1', '·'],
      ['^', '（二）部分公开', '2', '3'],
      ['^', '（三）其他', '4', '^'],
      ['总计', '^', '-5', '/'],
    ]);
  });

  it('skips script and style, decodes entities, breaks lines at blocks', () => {
    expect(doc.title).toBe('示例表格'); // no space kept inside Chinese text
    expect(doc.text).not.toContain('var x');
    expect(doc.text).not.toContain('color');
    expect(doc.text).toContain('表格标题');
    expect(doc.text).toContain('后记\n第二行');
    expect(doc.text).toContain('项目\t申请人情况');
  });

  it('lays out nested tables on their own', () => {
    const d = readHtml(new TextEncoder().encode(
      '<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td>右</td></tr><tr><td>下</td></tr></table>'));
    expect(d.lines.map((l) => l.tokens.map((t) => `${t.table}:${t.text}`))).toEqual([
      ['1:外', '1:右'], ['2:内1', '2:内2'], ['1:下'],
    ]);
  });
});

describe('bad input', () => {
  it('never throws on garbage', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['<', '>', '</', '<td', '<tr', '<table', '</table>', 'rowspan=', '"', "'", '&#', '&nbsp', ';', '<!--', '-->', '<script>', '中', '1', ' ', '=', 'colspan=9999999999'];
    for (let k = 0; k < 300; k++) {
      const bytes = new Uint8Array(200 + k * 7).map(() => (rnd() * 256) | 0);
      expect(() => readHtml(bytes)).not.toThrow();
      const s = Array.from({ length: 300 }, () => pieces[(rnd() * pieces.length) | 0]).join('');
      expect(() => readHtml(new TextEncoder().encode(s))).not.toThrow();
    }
    expect(readHtml(new Uint8Array()).lines).toEqual([]);
  });

  it('a page without tables gives text and no lines', () => {
    const d = readHtml(new TextEncoder().encode('<p>只有文字'));
    expect(d.lines).toEqual([]);
    expect(d.text).toBe('只有文字');
  });
});

describe('tolerance', () => {
  it('survives very deep nesting', () => {
    const html = '<font>'.repeat(20000) + '<table><tr><td>7</td></tr></table>' + '</font>'.repeat(20000);
    const d = readHtml(new TextEncoder().encode(html));
    expect(d.text).toContain('7');
  });

  it('keeps text written after </body> and body text without <body>', () => {
    const d = readHtml(new TextEncoder().encode('<html><head><title>题</title><p>正文一</p></body></html><p>正文二</p>'));
    expect(d.text).toBe('正文一\n正文二');
  });

  it('reads Word conditional comments and stray quotes without losing cells', () => {
    const d = readHtml(new TextEncoder().encode(
      '<table><tr><td width=50"><![if !supportLists]>1.<![endif]>属于<span\nstyle=\'x\'>国家秘密</span></td><td><!--[if gte mso 9]><xml>9</xml><![endif]-->0</td></tr></table>'));
    expect(d.lines[0].tokens.map((t) => t.text)).toEqual(['1.属于国家秘密', '0']);
  });
});

/** Per table, per row, the cells' text with whitespace removed (as the browser test compares). */
function grids(html: string): string[][][] {
  const out: string[][][] = [];
  for (const l of readHtmlString(html).lines) (out[l.tokens[0].table! - 1] ??= []).push(l.tokens.map((t) => squeeze(t.text)));
  return out;
}
const squeeze = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '');

describe('malformed markup is read the way browsers show it', () => {
  // The fixtures hold what Chromium shows (tests/browser/html-tables.test.ts); the reader gives it
  // normalized as every input kind is (全角 digits, ASCII brackets as the full-width ones).
  for (const c of MALFORMED) {
    it(c.name, () => expect(grids(c.html)).toEqual(c.tables.map((t) => t.map((r) => r.map((x) => squeeze(normalizeText(x)))))));
  }

  it('text written between a table\'s cells is shown above the table, not in a cell', () => {
    const c = MALFORMED.find((x) => x.html.includes('<p>注：单位为件</p>'))!;
    expect(readHtmlString(c.html).text).toBe('注：单位为件\n规章\t5\n规范性文件\t9');
  });

  it('decodes every named entity, not a chosen few', () => {
    const d = readHtmlString('<p>A&thinsp;B&ensp;C&middot;D&hellip;&amp;&lt;&Tab;E&bigstar;&frac13;&#12288;&#x2014;&nbsp</p>');
    expect(d.text).toBe('A B C·D…&< E★⅓ —');
    // In text, the legacy entities count without ';' even before letters, as browsers show them.
    expect(readHtmlString('<p>a.html?x=1&copyright=2 &copy 2024 &unknown;</p>').text).toBe('a.html?x=1©right=2 © 2024 &unknown;');
  });

  it('<br> inside a header cell joins the words as the reader sees them', () => {
    const d = readHtmlString('<table><tr><th>本年新<br>制作数量</th><th>商业<br/>企业</th><th>Gross<br>total</th></tr></table>');
    expect(d.lines[0].tokens.map((t) => t.text)).toEqual(['本年新制作数量', '商业企业', 'Gross total']);
  });
});

describe('report pages in the shapes sites publish', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([['2019', 11], ['2021', 12], ['2021', 13]] as const)('template %s, seed %i: a report table nested in a layout table, <br> in headers', (t, seed) => {
    const s = makeReport(seed, t);
    const r = parseDocument('page.html', readHtml(enc(reportPage(s, { layoutTable: true, brHeaders: true }))));
    expect(r.year).toBe(s.year);
    expect(r.uncertain).toEqual({});
    expect(r.cells).toEqual(s.cells);
  });

  it.each([['—'], ['-'], ['/'], ['　']])('blank cells written as %j stay null, never 0', (dash) => {
    const s = makeReport(14, '2021');
    const blank = (k: string) => /^apps\..*\.(research|legal)$/.test(k);
    for (const k of Object.keys(s.cells)) if (blank(k)) s.cells[k] = null;
    const r = parseDocument('page.html', readHtml(enc(reportPage(s, { layoutTable: true, blank: dash, blankKeys: blank }))));
    for (const [k, v] of Object.entries(s.cells)) {
      if (k.startsWith('apps.other.')) continue; // 2021: the sum of its three sub-rows
      if (k in r.uncertain) expect(v, `${k} flagged`).toBeNull();
      else expect(r.cells[k], k).toBe(v);
    }
    expect(r.cells['apps.new.research']).toBeNull();
  });

  // Red team E (session 12): what Word, WPS and CMS pages print and a browser shows.
  const grantedCell = /(（一）予以公开<\/td>)<td>(\d+)<\/td>/;
  const page2021 = (seed: number, edit: (html: string) => string) => {
    const s = makeReport(seed, '2021');
    const html = edit(reportPage(s, { layoutTable: true }));
    return { s, r: parseDocument('page.html', readHtml(enc(html))) };
  };

  it.each([['display:none;mso-hide:all'], ['display: none'], ['mso-hide:all'], ['visibility:hidden']])('hidden text in a figure cell (%s) is not read: Word’s hidden digits are no part of the number', (style) => {
    const { s, r } = page2021(15, (h) => {
      expect(grantedCell.test(h)).toBe(true);
      return h.replace(grantedCell, `$1<td><span style="${style}">9</span>$2</td>`);
    });
    expect(r.cells).toEqual(s.cells);
    expect(r.uncertain).toEqual({});
    expect(r.findings).toEqual([]);
  });

  // Red team (session 26): digits hidden by the page's own stylesheet, as a site hides them from copying.
  const styled = (css: string, span: string) => (h: string) => h.replace('</head>', `<style>${css}</style></head>`).replace(grantedCell, `$1<td>${span}$2</td>`);

  it.each([
    ['.hid{display:none}', '<span class="hid">9</span>'],
    ['td span.x , .other{ display : none !important }', '<span class="x">9</span>'],
    ['#n1{visibility:hidden}', '<font id="n1">9</font>'],
    ['table td > i{display:none}', '<i>9</i>'],
    ['@media print{.p{display:inline}} .p{display:none}', '<span class="p">9</span>'],
  ])('digits a stylesheet hides (%s) are not read', (css, span) => {
    const { s, r } = page2021(15, styled(css, span));
    expect(r.cells).toEqual(s.cells);
    expect(r.uncertain).toEqual({});
  });

  it.each([
    ['@media print{.p{display:none}}', '<span class="p">9</span>', true],
    ['.hid:hover{display:none}', '<span class="hid">9</span>', true],
    ['@media (max-width:600px){.m{display:none}}', '<span class="m">9</span>', false],
    ['.z{font-size:0}', '<span class="z">9</span>', false],
    ['', '<span style="opacity:0">9</span>', false],
    ['', '<span style="font-size:1px;color:#fefefe">9</span>', false],
    ['', '<span style="position:absolute;left:-9999px">9</span>', false],
    ['.c{display:inline-block;width:0;overflow:hidden}', '<span class="c">9</span>', false],
    ['', '<span style="color:#FFF">9</span>', false],
    ['.a{display:none} .a.b{display:inline}', '<span class="a b">9</span>', false],
    ['.hid{display:none', '<span class="hid">9</span>', false],
  ])('digits a style shows (%s %s) are read; digits only a browser could place are flagged, never guessed', (css, span, shown) => {
    const { s, r } = page2021(15, styled(css, span));
    const k = 'apps.granted.natural';
    if (shown) expect(r.cells[k]).toBe(Number(`9${s.cells[k]}`));
    else {
      expect(r.cells[k]).toBeNull();
      expect(r.uncertain[k]).toBeTruthy();
    }
    for (const [key, v] of Object.entries(s.cells)) if (!(key in r.uncertain) && key !== k) expect(r.cells[key], key).toBe(v);
  });

  it('a cell whose figure is drawn by CSS alone (::after{content:"134"}) is flagged, never read as blank', () => {
    const { r } = page2021(15, (h) => h.replace('</head>', '<style>.b3::after{content:"134"}</style></head>').replace(grantedCell, '$1<td class="b3"></td>'));
    expect(r.cells['apps.granted.natural']).toBeNull();
    expect(r.uncertain['apps.granted.natural']).toBeTruthy();
  });

  it('cells a row shows in another order than its source (display:flex, order) are flagged, never read in source order', () => {
    const { s, r } = page2021(15, (h) => {
      const at = h.search(grantedCell);
      const from = h.lastIndexOf('<tr', at);
      return `${h.slice(0, from)}<tr style="display:flex">${h.slice(from + 4).replace(/<td>(\d+)<\/td><td>(\d+)<\/td>/, '<td style="order:2">$2</td><td style="order:1">$1</td>')}`;
    });
    for (const [k, v] of Object.entries(s.cells)) if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(v);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.granted.')).length).toBeGreaterThan(0);
  });

  it('in a row whose cells CSS moves, an empty cell is no blank and a label\'s item number stays (1.属于国家秘密)', () => {
    const s = makeReport(15, '2021');
    s.cells['apps.denied_state_secret.research'] = null;
    const page = reportPage(s, { layoutTable: true, blankKeys: (k) => k === 'apps.denied_state_secret.research' });
    const at = page.indexOf('1.属于国家秘密');
    const from = page.lastIndexOf('<tr', at);
    const to = page.indexOf('</tr>', at);
    // Each cell given its place by `order`; the empty one printed first in the source.
    let n = 0;
    const cells = [...page.slice(from, to).matchAll(/<td[^>]*>[^<]*<\/td>/g)].map((m) => m[0].replace('<td', `<td style="order:${n++}"`));
    const blankAt = cells.findIndex((c) => /order:\d+">(?:<\/td>|-|—|\/)/.test(c));
    expect(blankAt).toBeGreaterThan(1);
    const row = `<tr style="display:flex">${[cells[blankAt], ...cells.filter((_, i) => i !== blankAt)].join('')}`;
    const r = parseDocument('page.html', readHtml(enc(page.slice(0, from) + row + page.slice(to))));
    for (const [k, v] of Object.entries(s.cells)) if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(v);
    expect(r.uncertain['apps.denied_state_secret.research']).toBeTruthy();
    // The other rows are read.
    expect(r.cells['apps.granted.natural']).toBe(s.cells['apps.granted.natural']);
  });

  it('其中 sub-items printed under a row in the row\'s own words (其中：予以公开（当场答复）, 其中：行政许可网上办理) are no rows of the form', () => {
    const under = (h: string, word: string, sub: string) => {
      const at = h.indexOf(word);
      const from = h.lastIndexOf('<tr', at);
      const to = h.indexOf('</tr>', at) + 5;
      const row = h.slice(from, to);
      let n = 0;
      const copy = row.replace(word, sub).replace(/<td([^>]*)>\d+<\/td>/g, (_m, a) => `<td${a}>${(n += 7)}</td>`);
      return h.slice(0, to) + copy + h.slice(to);
    };
    const { s, r } = page2021(19, (h) => under(under(under(h, '（一）予以公开', '其中：予以公开（当场答复）'), '行政许可', '其中：行政许可网上办理'), '一、本年新收政府信息公开申请数量', '其中：本年新收网上申请数量'));
    expect(r.cells).toEqual(s.cells);
    expect(r.uncertain).toEqual({});
  });

  it('a footnote mark in superscript beside a figure (152<sup>1</sup>) or a label is a note, not a digit', () => {
    const { s, r } = page2021(16, (h) => h.replace(grantedCell, '$1<td>$2<sup>1</sup></td>').replace('（二）部分公开', '（二）部分公开<sup>2</sup>'));
    expect(r.cells['apps.granted.natural']).toBe(s.cells['apps.granted.natural']);
    expect(r.uncertain).toEqual({});
    expect(r.findings).toEqual([]);
  });

  it('a figure set wholly in superscript is still the figure, and hidden text shown again by a child is read', () => {
    const { s, r } = page2021(18, (h) => h.replace(grantedCell, '$1<td><sup>$2</sup></td>')
      .replace('（二）部分公开', '<span style="visibility:hidden"><span style="visibility:visible">（二）部分公开</span></span>'));
    expect(r.cells).toEqual(s.cells);
    expect(r.uncertain).toEqual({});
  });

  it('a hidden copy of a table (a mobile layout kept display:none) does not make it “printed twice”', () => {
    const { s, r } = page2021(17, (h) => {
      const t3 = /<p>三、收到和处理政府信息公开申请情况<\/p>\s*(<table[\s\S]*?<\/table>)/.exec(h)![1];
      return h.replace('<p>四、', `<div class="wap" style="display:none">${t3}</div>\n<p>四、`);
    });
    expect(r.uncertain).toEqual({});
    expect(r.cells).toEqual(s.cells);
  });

  it.each([[false], [true]])('表二 as four small tables, each under its 第二十条 heading in a paragraph, is read (the heading also in the table’s first row: %s)', (inTable) => {
    const cell = (t: string) => `<td>${t}</td>`;
    const table = (item: string, head: string[], rows: string[][]) => `<p><b>第二十条第（${item}）项</b></p><table border="1">${inTable ? `<tr><td colspan="${head.length}">第二十条第（${item}）项</td></tr>` : ''}<tr>${head.map(cell).join('')}</tr>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`;
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><h1>某某市人民政府2023年政府信息公开工作年度报告</h1>
<p>二、主动公开政府信息情况</p>
${table('一', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', '0', '3', '405'], ['行政规范性文件', '11', '2', '355']])}
${table('五', ['信息内容', '本年处理决定数量'], [['行政许可', '0']])}
${table('六', ['信息内容', '本年处理决定数量'], [['行政处罚', '2068'], ['行政强制', '1637']])}
${table('八', ['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', '39.854']])}
<p>五、存在的主要问题及改进情况</p></body></html>`;
    const r = parseDocument('page.html', readHtml(enc(html)));
    expect(r.missing).not.toContain('t2');
    expect([r.cells['t2.rules.in_force'], r.cells['t2.normative.issued'], r.cells['t2.licensing.decisions'], r.cells['t2.punishment.decisions'],
      r.cells['t2.coercion.decisions'], r.cells['t2.fees.amount_yuan']]).toEqual([405, 11, 0, 2068, 1637, 398540]);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('t2.'))).toEqual([]);
  });
});
