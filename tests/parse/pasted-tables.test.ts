/**
 * Tables as text tools and spreadsheets paste them (red team F, session 13): pandoc grid tables
 * whose cells wrap over lines, a pipe table that pads a wrapped label's second line with blank
 * cells, and Excel's accounting format; session 14: Excel's CSV and tab-separated copies, where
 * a merged label leaves empty fields and a blank cell is an empty field. Each read a confident
 * wrong number before.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { SECTION, t3Form } from '../support/synthetic-forms';
import { readIdentity } from '../../src/lib/parse/identity';
import { detectKind } from '../../src/lib/parse/detect';
import { ruledTables } from '../../src/lib/parse/ruled';
import { eastAsianWidth } from 'get-east-asian-width';

const TITLE = '某某县人民政府2020年政府信息公开工作年度报告';

async function parse(name: string, lines: string[]): Promise<ParsedReport> {
  const r = await parseFile(name, new TextEncoder().encode([...lines, ...SECTION.tail].join('\n')));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

/** Figures of a consistent 表三: 予以公开 3, 其他法律行政法规禁止公开 1, 总计 4. */
function figures(id: string): string[] {
  const row = id === 'new' || id === 'total' ? [4, 0, 0, 0, 0, 0, 4] : id === 'granted' ? [3, 0, 0, 0, 0, 0, 3]
    : id === 'denied_law_prohibited' ? [1, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0];
  return row.map(String);
}

/** A pandoc grid table: every cell padded to its column's width, long labels wrapped at 7 characters. */
function gridT3(): string[] {
  const widths = [16, 6, 6, 6, 6, 6, 6, 6];
  const border = (c: string) => `+${widths.map((w) => c.repeat(w)).join('+')}+`;
  const row = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, i) => `|${cells.map((c, k) => ` ${(c[i] ?? '').padEnd(widths[k] - 1)}`).join('|')}|`);
  };
  const wrap = (s: string) => s.match(/.{1,7}/g) ?? [''];
  const out = [border('-'), ...row([['申请人情况'], ['自然人'], ['商业企业'], ['科研机构'], ['社会公益组织'], ['法律服务机构'], ['其他'], ['总计']]), border('=')];
  for (const r of t3Form('2019')) out.push(...row([wrap(r.labels[0]), ...figures(r.keys[0].split('.')[1]).map((f) => [f])]), border('-'));
  return out;
}

/** 2019's 表二 pasted from a spreadsheet, tab-separated: 行政处罚's 本年增/减 in accounting format. */
const T2_2019 = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章\t0\t0\t2', '规范性文件\t1\t1\t9',
  '第二十条第（五）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量', '行政许可\t10\t-2\t300', '其他对外管理服务事项\t5\t0\t7',
  '第二十条第（六）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量', '行政处罚\t221\t(114)\t3,631', '行政强制\t3\t0\t2',
  '第二十条第（八）项', '信息内容\t上一年项目数量\t本年增/减', '行政事业性收费\t4\t0'];

describe('pasted tables', () => {
  it('a grid table’s row is the lines between its borders: a label wrapped in its cell names one row', async () => {
    const r = await parse('r.md', [TITLE, `## ${SECTION.t3[0]}`, ...gridT3()]);
    expect(r.cells['apps.denied_law_prohibited.natural']).toBe(1);
    expect(r.cells['apps.denied_law_prohibited.total']).toBe(1);
    expect(r.cells['apps.granted.total']).toBe(3);
    expect(r.cells['apps.total.total']).toBe(4);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.'))).toEqual([]);
  });

  it('a pipe table’s row of blank cells under a label (its wrapped second half) does not take the row from the figures beside the first half', async () => {
    const lines = [TITLE, `## ${SECTION.t3[0]}`, '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', '|---|---|---|---|---|---|---|---|'];
    for (const r of t3Form('2019')) {
      const id = r.keys[0].split('.')[1];
      const cells = figures(id).join(' | ');
      if (id === 'denied_law_prohibited') lines.push(`| 2.其他法律行政 | ${cells} |`, '| 法规禁止公开 | | | | | | | |');
      else lines.push(`| ${r.labels[0]} | ${cells} |`);
    }
    const r = await parse('r.md', lines);
    expect(r.cells['apps.denied_law_prohibited.natural']).toBe(1);
    expect(r.cells['apps.denied_law_prohibited.total']).toBe(1);
    // A row printed blank, its label beside blank cells only, still reads as blank.
    const blank = await parse('b.md', lines.map((l) => (l.startsWith('| 3.危及') ? '| 3.危及“三安全一稳定” | | | | | | | |' : l)));
    expect(blank.cells['apps.denied_security.total']).toBeNull();
    expect(blank.uncertain['apps.denied_security.total']).toBeUndefined();
  });

  it('a figure in brackets after figures (Excel’s accounting negative, or a note) is flagged, not read as positive', async () => {
    const r = await parse('r.txt', [TITLE, ...T2_2019]);
    expect(r.cells['t2.punishment.change']).toBeNull();
    expect(r.uncertain['t2.punishment.change']).toMatch(/括号/);
    expect(r.cells['t2.punishment.decisions']).toBe(3631);
    expect(r.cells['t2.licensing.change']).toBe(-2);
  });

  it('a figure in brackets in space-separated text (pandoc’s plain tables) is flagged too', async () => {
    const r = await parse('r.txt', [TITLE, ...T2_2019.map((l) => l.replace(/\t/g, '   ').replace('(114)', '(38)'))]);
    expect(r.cells['t2.punishment.change']).toBeNull();
    expect(r.uncertain['t2.punishment.change']).toMatch(/括号/);
  });

  it('a 2019 表二 whose header cells wrap (本年新制作 / 数量) decides the template of a 2022 report', () => {
    const text = ['某某县人民政府2022年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项',
      '信息内容     本年新制作   本年新公开   对外公开总', '             数量         数量         数量', '规章   0   0   2'].join('\n');
    expect(readIdentity(text).template).toBe('2019');
    expect(readIdentity(text.replace('2019', '')).tableTemplate).toBe('2019');
  });
});

/**
 * 表三 as Excel writes it to CSV: three label columns (a merged label leaves the rest empty),
 * blank cells as empty fields, 2,293 quoted, full-width ３，３８０ unquoted (its comma is no
 * separator). New 3,380 + carried 0 = total 3,380; 予以公开 3,380 (natural 3,000 and 380 commercial).
 */
function excelT3(sep: ',' | '\t' | '|'): string[] {
  const q = (f: string) => (sep === ',' && f.includes(',') ? `"${f}"` : f);
  const row = (cells: string[]) => (sep === '|' ? `| ${cells.join(' | ')} |` : cells.map(q).join(sep));
  const out = [row([SECTION.t3note, '', '', '申请人情况', '', '', '', '', '', '']),
    row(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']),
    row(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''])];
  // (A Markdown table rules its header off; a mobile page's pipe rows, padded each its own way, do not.)
  if (sep === '|') out.splice(1, 0, `|${'---|'.repeat(10)}`);
  for (const r of t3Form('2019')) {
    const id = r.keys[0].split('.')[1];
    const full = id === 'new' || id === 'total' || id === 'granted';
    // 法律服务机构 is blank in every row with figures, 科研机构 blank where the row has none.
    const cells = full ? ['３，０００', '380', '0', '0', '', '0', '3,380'] : ['0', '0', '', '0', '', '0', '0'];
    const lead = r.labels[0].startsWith('（') ? ['', r.labels[0], ''] : /^\d/.test(r.labels[0]) ? ['', '', r.labels[0]] : [r.labels[0], '', ''];
    out.push(row([...lead, ...cells]));
  }
  return out;
}

describe('spreadsheet exports', () => {
  it('text aligned by double tabs is no spreadsheet grid: its empty fields are gaps, not blanks', async () => {
    const r = await parse('r.txt', [TITLE, '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t2', '规范性文件\t1\t1\t9', '第二十条第（六）项', '信息内容\t\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政处罚\t\t221\t\t3\t\t3631', '行政强制\t\t3\t\t0\t\t2']);
    expect([r.cells['t2.punishment.prev_items'], r.cells['t2.punishment.change'], r.cells['t2.punishment.decisions']]).toEqual([221, 3, 3631]);
    expect(r.cells['t2.coercion.decisions']).toBe(2);
    expect(r.uncertain['t2.punishment.change']).toBeUndefined();
  });

  it('a .csv file is read as comma-separated fields', () => {
    expect(detectKind('表格.CSV', new TextEncoder().encode('a,b\n1,2'))).toBe('csv');
  });

  for (const [name, sep] of [['r.csv', ','], ['r.txt', '\t'], ['r.md', '|']] as const) {
    it(`${name}: a merged label's empty fields are no cells, an empty field between figures is a blank, a grouped figure is one figure`, async () => {
      const r = await parse(name, [TITLE, SECTION.t3[0], ...excelT3(sep)]);
      expect(r.cells['apps.new.natural']).toBe(3000);
      expect(r.cells['apps.new.commercial']).toBe(380);
      expect(r.cells['apps.new.legal']).toBeNull();
      expect(r.cells['apps.new.total']).toBe(3380);
      expect(r.cells['apps.granted.total']).toBe(3380);
      expect(r.cells['apps.partial.research']).toBeNull();
      expect(r.cells['apps.partial.other_org']).toBe(0);
      expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.'))).toEqual([]);
    });
  }

  it('Excel pads every row to the sheet’s width (prose too ends in commas): each table keeps its own columns', async () => {
    const csv = [TITLE, '', ...T2_2019.map((l) => l.replace('3,631', '"3,631"').replace(/\t/g, ',')), SECTION.t3[0], ...excelT3(',')];
    const width = 15;
    const padded = csv.map((l) => l + ','.repeat(Math.max(0, width - 1 - (l.match(/,/g) ?? []).length + (l.match(/"[^"]*,[^"]*"/g) ?? []).length)));
    const r = await parse('r.csv', padded);
    expect(r.cells['t2.punishment.decisions']).toBe(3631);
    expect(r.cells['apps.new.natural']).toBe(3000);
    expect(r.cells['apps.new.total']).toBe(3380);
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.'))).toEqual([]);
  });

  it('a quoted field that holds a line break: each cell’s source names the line it is printed on', async () => {
    const lines = [TITLE, SECTION.t3[0], ...excelT3(',')];
    const at = lines.findIndex((l) => l.startsWith(SECTION.t3note));
    lines[at] = lines[at].replace(SECTION.t3note, `"${SECTION.t3note.slice(0, 10)}\n${SECTION.t3note.slice(10)}"`);
    const r = await parse('r.csv', lines);
    const row = lines.findIndex((l) => l.startsWith('一、本年新收'));
    // One line more above it than records: the note's line break.
    expect(r.sources['apps.new.total']?.line).toBe(row + 2);
  });

  it('a bracketed figure right after a row’s label (Excel’s accounting negative in a CSV) is flagged', async () => {
    const csv = T2_2019.map((l) => l.replace('3,631', '"3,631"').replace('行政事业性收费\t4\t0', '行政事业性收费\t\t(5)').replace(/\t/g, ','));
    const r = await parse('r.csv', [TITLE, ...csv]);
    expect(r.cells['t2.punishment.decisions']).toBe(3631);
    expect(r.cells['t2.fees.change']).toBeNull();
    expect(r.uncertain['t2.fees.change']).toMatch(/括号/);
  });
});

/**
 * 表三 as pandoc writes it in plain text: columns ruled by dashes and aligned in display width (a
 * Chinese character takes two columns), figures right-aligned, blank cells left empty. A
 * multiline table wraps labels at eight characters between two borders, its rows apart by blank
 * lines; a simple table prints a row per line and ends at a blank line. New 3 + 1 = 4, all granted.
 */
function pandocT3(simple = false, wideQuotes = false, figures?: (id: string) => string[] | undefined): string[] {
  const rows = t3Form('2019');
  // Display width as the aligning tool counted it; “ ” are one column or two by its font.
  const w = (s: string) => [...s].reduce((n, ch) => n + eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: wideQuotes }), 0);
  const lw = simple ? Math.max(...rows.map((r) => w(r.labels[0]))) : 16;
  const wrap = (s: string) => (simple ? [s] : s.match(/.{1,8}/gu) ?? ['']);
  const line = (label: string, cells: string[]) => `${label}${' '.repeat(Math.max(0, lw - w(label)))}${cells.map((c) => `  ${c.padStart(6)}`).join('')}`.trimEnd();
  const head = [line('', ['自然人', '商业企', '科研机', '社会公', '法律服', '其他', '总计']), line('', ['', '业', '构', '益组织', '务机构'])];
  const rule = `${'-'.repeat(lw)}${'  ------'.repeat(7)}`;
  const body = rows.flatMap((r) => {
    const id = r.keys[0].split('.')[1];
    const figs = figures?.(id) ?? (id === 'new' || id === 'granted' || id === 'total' ? ['3', '1', '', '', '', '', '4'] : ['0', '0', '', '', '', '', '0']);
    return [...wrap(r.labels[0]).map((l, i) => line(l, i === 0 ? figs : [])), ...(simple ? [] : [''])];
  });
  if (simple) return [SECTION.t3note, '', ...head, rule, ...body, ''];
  return ['-'.repeat(72), ...wrap(SECTION.t3note).map((l, i) => line(l, i === 0 ? ['申请人情况'] : [])), rule, ...head, '', ...body, '-'.repeat(72)];
}

describe('tables ruled by dashes (pandoc plain text)', () => {
  for (const simple of [false, true]) {
    it(`${simple ? 'a simple table (a row per line)' : 'a multiline table (wrapped labels name one row)'} is cut into columns by its rule, in display width; empty cells are blanks`, async () => {
      const r = await parse('r.txt', [TITLE, SECTION.t3[0], '', ...pandocT3(simple)]);
      expect(r.cells['apps.new.natural']).toBe(3);
      expect(r.cells['apps.new.commercial']).toBe(1);
      expect(r.cells['apps.new.research']).toBeNull();
      expect(r.cells['apps.new.total']).toBe(4);
      expect(r.cells['apps.granted.total']).toBe(4);
      expect(r.cells['apps.partial.natural']).toBe(0);
      expect(r.cells['apps.partial.other_org']).toBeNull();
      expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.'))).toEqual([]);
    });
  }

  it('a row aligned by a tool that counted “ ” as two columns is doubted, not read a column off', async () => {
    // 123,456 applications from 商业企业 in 新收, 3.危及“三安全一稳定” and 总计; zeros elsewhere.
    const big = ['', '123456', '', '', '', '', '123456'];
    const figures = (id: string) => (id === 'new' || id === 'total' || id === 'denied_security' ? big : ['', '0', '', '', '', '', '0']);
    const r = await parse('r.txt', [TITLE, SECTION.t3[0], '', ...pandocT3(true, true, figures)]);
    expect(r.cells['apps.new.commercial']).toBe(123456);
    for (const c of ['natural', 'commercial', 'other_org', 'total']) {
      const k = `apps.denied_security.${c}`;
      // Read right or flagged: never 12 and 3456.
      if (r.uncertain[k] === undefined) expect(r.cells[k], k).toBe(c === 'commercial' || c === 'total' ? 123456 : null);
    }
    expect(r.uncertain['apps.denied_security.commercial']).toMatch(/列界/);
    expect(r.findings).toEqual([]);
  });

  it('characters that take no column (zero-width spaces) do not move the figures after them', async () => {
    const t = pandocT3(true).map((l) => l.replace('一、本年新收政府', '一、本年新收\u200b\u200b\u200b政府'));
    const r = await parse('r.txt', [TITLE, SECTION.t3[0], '', ...t]);
    expect(r.cells['apps.new.natural']).toBe(3);
    expect(r.cells['apps.new.commercial']).toBe(1);
    expect(r.cells['apps.new.total']).toBe(4);
    expect(r.uncertain['apps.new.commercial']).toBeUndefined();
  });

  it('prose with dashed lines around it is no table', async () => {
    expect(ruledTables(['一、总体情况', '----------', '全年主动公开政府信息 63 条，其中规章 2 件。', '---------- ----------',
      '其中行政规范性文件 4 件，政策解读 12 篇。', '', '二、'])).toEqual([]);
    // Nor is a row of -- blank marks a rule.
    expect(ruledTables(['规章', '--  --  --  --', '3   4   5   6', ''])).toEqual([]);
    const r = await parse('p.txt', [TITLE, '一、总体情况', '----------', '全年主动公开政府信息 63 条。', '-- --- ---', '', SECTION.t3[0], '', ...pandocT3()]);
    expect(r.cells['apps.new.total']).toBe(4);
    expect(r.proactive_total?.value ?? null).toBe(63);
  });
});
