/**
 * What a table's own header says against the form: the unit of 表二's money column, and whether
 * 表三's applicant columns can be taken in the form's order. Inputs are header words as the
 * reader joins them (labels in print order, no spaces).
 */
import { describe, expect, it } from 'vitest';
import { applicantColumnsDoubt, moneyUnit } from '../../src/lib/parse/headers';
import { checkSubtotals } from '../../src/lib/parse/header-columns';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';
import { makeTruth, rng } from '../support/synthetic-figures';
import { t3Form, SECTION } from '../support/synthetic-forms';

describe('表二 money column unit from its header', () => {
  it('takes the form’s unit when the header names none', () => {
    expect(moneyUnit('第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购', '2019')).toEqual({ key: 't2.procurement.amount_yuan', unit: 'yuan' });
    expect(moneyUnit('第二十条第（八）项信息内容本年收费金额行政事业性收费', '2021')).toEqual({ key: 't2.fees.amount_yuan', unit: 'wan' });
  });

  it('follows a header that names another unit', () => {
    expect(moneyUnit('信息内容采购项目数量采购总金额（万元）', '2019').unit).toBe('wan');
    expect(moneyUnit('信息内容采购项目数量采购总金额(单位:万元)', '2019').unit).toBe('wan');
    expect(moneyUnit('信息内容本年收费金额（单位：元）', '2021').unit).toBe('yuan');
    expect(moneyUnit('信息内容本年收费金额（单位：万元）', '2021').unit).toBe('wan');
  });

  it('gives no unit when the header names both', () => {
    expect(moneyUnit('采购总金额（元）单位：万元', '2019').unit).toBeNull();
  });

  it('gives no unit when the header names one the form does not know (千元, 百万元, 亿元): the cell is flagged, not read as 万元', async () => {
    for (const unit of ['千元', '百万元', '亿元']) expect(moneyUnit(`信息内容本年收费金额（单位：${unit}）`, '2021').unit, unit).toBeNull();
    // A readable report of the 2021 form whose header says 千元.
    const d = [1, 2, 3, 4].map((n) => FAMILIES.find((f) => f.id === 'f2')!.make(n)).find((x) => x.text.includes('本年收费金额（单位：万元）'))!;
    const r = await parseFile(d.name, new TextEncoder().encode(d.text.replace('本年收费金额（单位：万元）', '本年收费金额（单位：千元）')));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.cells['t2.fees.amount_yuan']).toBeNull();
    expect(r.uncertain['t2.fees.amount_yuan']).toBeTruthy();
  });
});

describe('表三 applicant columns against the form', () => {
  const rowByRow = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量';
  it('accepts the form’s two-row header read row by row, column by column, or as one row', () => {
    expect(applicantColumnsDoubt(rowByRow)).toBeNull();
    expect(applicantColumnsDoubt('申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计')).toBeNull();
    expect(applicantColumnsDoubt('申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他总计')).toBeNull();
    // Words wrapped over lines and not found whole tell nothing against the order.
    expect(applicantColumnsDoubt('法人或其他组织申请人情况自然人商业科研社会公益法律服务其他总计企业机构组织机构')).toBeNull();
    expect(applicantColumnsDoubt('类别数据1数据2数据3数据4数据5数据6总计')).toBeNull();
  });

  it('reads nothing into a header whose sub-columns are not all printed as words (narrow cells wrapped, lines of neighbouring cells interleaved)', () => {
    // 法人或其他组织 over each sub-column, cut after 其他: its 其他 stands before 自然人.
    expect(applicantColumnsDoubt('申请人情况（本列数据的勾稽关系为：第一项加第二项之法人或其他法人或其他法人或其他法人或其他和，等于第三项加第四项之和）自然人组织商业企组织科研机组织社会公组织法律服法人或其他总计业构益组织务机构组织其他')).toBeNull();
    // 法律服务 / 机构 wrapped, the second line printed after the first row's words.
    expect(applicantColumnsDoubt('申请人情况（本列数据的勾稽关系为：第一项法人或其他组织加第二项之和，等于第三项加第四自然人法律服务其他总计项之和）商业企业科研机构社会公益组织机构')).toBeNull();
  });

  it('doubts columns moved where one name wraps (社会公益 / 组织) but the others show the order', () => {
    expect(applicantColumnsDoubt('申请人情况法人或其他组织商业企业科研机构社会公益法律服务机构其他自然人总计组织')).toMatch(/顺序/);
    // Judged line by line (a PDF's header), a line of 总计 before 自然人 is doubted too.
    expect(applicantColumnsDoubt('', ['申请人情况总计自然人法人或其他组织', '商业企业科研机构社会公益组织法律服务机构其他'])).toMatch(/顺序/);
  });

  it('in a PDF\'s lines, finds 自然人 set one character a line even where its 自 joins a note\'s line; 公 / 民 it cannot place', () => {
    // As Chromium prints the 2021 form: the note beside 自 wraps, so 自 ends the note's first line.
    const lines = ['申请人情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加自法人或其他组织', '总', '第四项之和）然商业科研社会公法律服其', '计', '人企业机构益组织务机构他'];
    expect(applicantColumnsDoubt(lines.join(''), lines)).toBeNull();
    const gongmin = ['申请人情况', '公法人或其他组织合', '民商业科研社会公法律服其计', '企业机构益组织务机构他'];
    expect(applicantColumnsDoubt(gongmin.join(''), gongmin)).toMatch(/顺序/);
  });

  it('doubts columns moved, or a column the form does not have', () => {
    expect(applicantColumnsDoubt('申请人情况商业企业科研机构社会公益组织法律服务机构其他自然人总计')).toMatch(/顺序/);
    expect(applicantColumnsDoubt('申请人情况自然人商业企业科研机构社会公益组织法律服务机构总计其他')).toMatch(/顺序/);
    expect(applicantColumnsDoubt('申请人情况自然人科研机构商业企业社会公益组织法律服务机构其他总计')).toMatch(/顺序/);
    expect(applicantColumnsDoubt('申请人情况总计自然人商业企业科研机构社会公益组织法律服务机构其他')).toMatch(/顺序/);
    expect(applicantColumnsDoubt('申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他小计总计')).toMatch(/多出一列/);
  });
});

describe('表三 columns placed by a one-row header that names them in another order', () => {
  const names = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const cols = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
  const printed = [5, 2, 1, 0, 3, 4, 6];
  const truth = makeTruth(rng(11), '2021', { year: 2023 });

  /** 表三 as tab-separated cells, its columns in `order`, its header lines `head`. */
  function report(head: string[], order: number[]): string {
    const body = t3Form('2021').map((r) => [r.labels[0], ...order.map((i) => String(truth.cells[r.keys[i]]))].join('\t'));
    return ['某某局2023年度政府信息公开工作年度报告', SECTION.t3[0], ...head, ...body, ...SECTION.tail].join('\n');
  }

  it('reads every cell into its own column', async () => {
    const r = await parseFile('x.txt', new TextEncoder().encode(report([['申请人情况', ...printed.map((i) => names[i])].join('\t')], printed)));
    if (isFailure(r)) throw new Error(r.error.message);
    const keys = Object.keys(truth.cells).filter((k) => k.startsWith('apps.') && cols.some((c) => k.endsWith(`.${c}`)));
    expect(keys.length).toBeGreaterThan(150);
    for (const k of keys) expect(r.cells[k], k).toBe(truth.cells[k]);
  });

  it('never fills a damaged cell by the form\'s column order: the printed order is not the form\'s', async () => {
    const text = report([['申请人情况', ...printed.map((i) => names[i])].join('\t')], printed);
    // 予以公开's 科研机构 figure printed damaged (an OCR letter in it).
    const row = t3Form('2021').find((r) => r.keys.includes('apps.granted.research'))!;
    const at = printed.indexOf(cols.indexOf('research'));
    const lines = text.split('\n').map((l) => {
      if (!l.startsWith(row.labels[0])) return l;
      const cells = l.split('\t');
      cells[1 + at] = `${cells[1 + at]}O`;
      return cells.join('\t');
    });
    const r = await parseFile('x.txt', new TextEncoder().encode(lines.join('\n')));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.cells['apps.granted.research']).toBeNull();
    for (const k of Object.keys(truth.cells).filter((k) => k.startsWith('apps.'))) {
      if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(truth.cells[k]);
    }
  });

  it('never reads by the form\'s column order a table whose header put them in another (figures printed apart from labels)', async () => {
    // pdftotext's default mode: each row's figures on a line before its label.
    const body = t3Form('2021').flatMap((r) => [printed.map((i) => String(truth.cells[r.keys[i]])).join(' '), r.labels[0]]);
    const text = ['某某局2023年度政府信息公开工作年度报告', SECTION.t3[0], ['申请人情况', ...printed.map((i) => names[i])].join(' '), ...body, ...SECTION.tail].join('\n');
    const r = await parseFile('x.txt', new TextEncoder().encode(text));
    if (isFailure(r)) throw new Error(r.error.message);
    for (const k of Object.keys(truth.cells).filter((k) => k.startsWith('apps.'))) {
      if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(truth.cells[k]);
    }
  });

  it('leaves them in doubt where the names stand on two lines (a two-row header whose lines may come in any order)', async () => {
    // The form's columns printed under a header whose second row came out first.
    const head = [['申请人情况', ...names.slice(1, 6)].join('\t'), [names[0], names[6]].join('\t')];
    const r = await parseFile('x.txt', new TextEncoder().encode(report(head, [0, 1, 2, 3, 4, 5, 6])));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.cells['apps.granted.natural']).toBeNull();
    expect(r.uncertain['apps.granted.natural']).toMatch(/顺序/);
  });

  it('reads a head that joins 法人或其他组织 to each organisation (法人或其他组织-商业企业), in any order of the columns', async () => {
    for (const join of ['-', '', '（']) {
      const named = (i: number) => (i >= 1 && i <= 5 ? `法人或其他组织${join}${names[i]}${join === '（' ? '）' : ''}` : names[i]);
      const r = await parseFile('x.txt', new TextEncoder().encode(report([['项目', ...printed.map(named)].join('\t')], printed)));
      if (isFailure(r)) throw new Error(r.error.message);
      for (const k of Object.keys(truth.cells).filter((k) => k.startsWith('apps.') && cols.some((c) => k.endsWith(`.${c}`)))) expect(r.cells[k], `${join} ${k}`).toBe(truth.cells[k]);
    }
  });

  it('leaves them in doubt where the group is joined to some organisations only', async () => {
    const named = (i: number) => (i >= 1 && i <= 3 ? `法人或其他组织-${names[i]}` : names[i]);
    const r = await parseFile('x.txt', new TextEncoder().encode(report([['项目', ...printed.map(named)].join('\t')], printed)));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.cells['apps.granted.commercial']).toBeNull();
    expect(r.uncertain['apps.granted.commercial']).toMatch(/顺序/);
  });

  it('leaves them in doubt where 法人或其他组织 stands over the sub-columns', async () => {
    const head = [['申请人情况', names[0], '法人或其他组织', ...printed.filter((i) => i > 0 && i < 6).map((i) => names[i]), names[6]].join('\t')];
    const r = await parseFile('x.txt', new TextEncoder().encode(report(head, printed)));
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.uncertain['apps.granted.commercial']).toMatch(/顺序/);
  });
});

describe('表三 columns placed by a two-row header printed a row a line', () => {
  const names = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const truth = makeTruth(rng(13), '2021', { year: 2023 });
  const apps = Object.keys(truth.cells).filter((k) => k.startsWith('apps.') && !k.startsWith('apps.other.'));

  /** 表三 with its columns in `order` (form indexes; 7 is a 小计 of the five organisations). */
  function parsed(head: string[], order: number[]) {
    const body = t3Form('2021').map((r) => {
      const v = r.keys.map((k) => truth.cells[k] as number);
      return [r.labels[0], ...order.map((i) => (i === 7 ? v.slice(1, 6).reduce((a, b) => a + b, 0) : v[i]))].join('\t');
    });
    return parseFile('x.txt', new TextEncoder().encode(['某某局2023年度政府信息公开工作年度报告', SECTION.t3[0], ...head, ...body, ...SECTION.tail].join('\n')));
  }
  const line = (xs: (string | number)[]) => xs.map((x) => (typeof x === 'number' ? (x === 7 ? '小计' : names[x]) : x)).join('\t');

  it('reads the organisations in the order their row names them, the group where the upper row puts it', async () => {
    for (const [top, orgs] of [[[0, '法人或其他组织', 6], [3, 1, 5, 2, 4]], [[6, 0, '法人或其他组织'], [1, 2, 3, 4, 5]], [['法人或其他组织', 0, 6], [2, 1, 3, 5, 4]]] as const) {
      const order = top.flatMap((x) => (x === '法人或其他组织' ? orgs : [x as number]));
      for (const head of [[line(['申请人情况']), line([...top]), line([...orgs])], [line([...orgs]), line([...top])]]) {
        const r = await parsed(head, order);
        if (isFailure(r)) throw new Error(r.error.message);
        for (const k of apps) expect(r.cells[k], `${head.join(' / ')}: ${k}`).toBe(truth.cells[k]);
      }
    }
  });

  it('reads a 小计 after the organisations as a column of its own, and checks it', async () => {
    const r = await parsed([line([0, '法人或其他组织', 6]), line([1, 2, 3, 4, 5, 7])], [0, 1, 2, 3, 4, 5, 7, 6]);
    if (isFailure(r)) throw new Error(r.error.message);
    for (const k of apps) expect(r.cells[k], k).toBe(truth.cells[k]);
    // The same 小计 printed first of the organisations while the row names it last: the sums give it away.
    const off = await parsed([line([0, '法人或其他组织', 6]), line([1, 2, 3, 4, 5, 7])], [0, 7, 1, 2, 3, 4, 5, 6]);
    if (isFailure(off)) throw new Error(off.error.message);
    expect(off.cells['apps.new.commercial']).toBeNull();
    for (const k of apps) if (!(k in off.uncertain)) expect(off.cells[k], k).toBe(truth.cells[k]);
  });

  it('reads them in a Markdown table whose head rows leave the cells over the labels empty', async () => {
    const pipe = (xs: (string | number)[]) => `| ${xs.map((x) => String(x)).join(' | ')} |`;
    const order = [0, 1, 2, 3, 4, 5, 7, 6];
    const body = t3Form('2021').map((r) => {
      const v = r.keys.map((k) => truth.cells[k] as number);
      return pipe([r.labels[0], '', ...order.map((i) => (i === 7 ? v.slice(1, 6).reduce((a, b) => a + b, 0) : v[i]))]);
    });
    const head = [pipe(['', '', '申请人情况', '', '', '', '', '', '', '']), '|---|---|---|---|---|---|---|---|---|---|',
      pipe(['', '', names[0], '法人或其他组织', '', '', '', '', '', names[6]]), pipe(['', '', '', names[1], names[2], names[3], names[4], names[5], '小计', ''])];
    const r = await parseFile('x.md', new TextEncoder().encode(['某某局2023年度政府信息公开工作年度报告', SECTION.t3[0], ...head, ...body, ...SECTION.tail].join('\n')));
    if (isFailure(r)) throw new Error(r.error.message);
    for (const k of apps) expect(r.cells[k], k).toBe(truth.cells[k]);
  });

  it('leaves them in doubt where the organisations\' heads are split over lines, or share a line with the group', async () => {
    for (const head of [[line([0, '法人或其他组织', 6]), line([3, 1]), line([5, 2, 4])], [line([0, '法人或其他组织', 3, 1, 5, 2, 4, 6])]]) {
      const r = await parsed(head, [0, 3, 1, 5, 2, 4, 6]);
      if (isFailure(r)) throw new Error(r.error.message);
      expect(r.cells['apps.granted.commercial'], head.join(' / ')).toBeNull();
      expect(r.uncertain['apps.granted.commercial']).toMatch(/顺序|列/);
    }
  });
});

describe('a 小计 of 法人或其他组织 added to 表三', () => {
  const names = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const truth = makeTruth(rng(12), '2021', { year: 2023 });

  it('is read as a column of its own and dropped: every cell in its column', async () => {
    const body = t3Form('2021').map((r) => {
      const v = r.keys.map((k) => truth.cells[k] as number);
      return [r.labels[0], ...v.slice(0, 6), v.slice(1, 6).reduce((a, b) => a + b, 0), v[6]].join('\t');
    });
    const head = ['申请人情况', ...names.slice(0, 6), '小计', names[6]].join('\t');
    const r = await parseFile('x.txt', new TextEncoder().encode(['某某局2023年度政府信息公开工作年度报告', SECTION.t3[0], head, ...body, ...SECTION.tail].join('\n')));
    if (isFailure(r)) throw new Error(r.error.message);
    const keys = Object.keys(truth.cells).filter((k) => k.startsWith('apps.') && !k.startsWith('apps.other.'));
    for (const k of keys) expect(r.cells[k], k).toBe(truth.cells[k]);
    expect(Object.keys(r.cells).filter((k) => k.endsWith('.subtotal'))).toEqual([]);
  });

  it('that is not its row\'s sum of the sub-columns puts every cell of 表三 in doubt', () => {
    const cells = new Map<string, number | null>([
      ['apps.new.natural', 5], ['apps.new.commercial', 1], ['apps.new.research', 2], ['apps.new.nonprofit', 0],
      ['apps.new.legal', 0], ['apps.new.other_org', 0], ['apps.new.subtotal', 4], ['apps.new.total', 8], ['t2.rules.issued', 3],
    ]);
    const uncertain = new Map<string, string>();
    checkSubtotals(cells, uncertain);
    expect(cells.has('apps.new.subtotal')).toBe(false);
    expect(cells.get('apps.new.natural')).toBeNull();
    expect(uncertain.get('apps.new.total')).toMatch(/小计/);
    expect(cells.get('t2.rules.issued')).toBe(3);
  });

  it('that is its row\'s sum changes nothing but its own key', () => {
    const cells = new Map<string, number | null>([
      ['apps.new.natural', 5], ['apps.new.commercial', 1], ['apps.new.research', 2], ['apps.new.nonprofit', 0],
      ['apps.new.legal', 0], ['apps.new.other_org', 0], ['apps.new.subtotal', 3], ['apps.new.total', 8],
    ]);
    const uncertain = new Map<string, string>();
    checkSubtotals(cells, uncertain);
    expect([...cells.keys()]).not.toContain('apps.new.subtotal');
    expect(cells.get('apps.new.natural')).toBe(5);
    expect(uncertain.size).toBe(0);
  });
});
