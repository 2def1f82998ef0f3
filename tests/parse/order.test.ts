/**
 * 表三 and 表四 read by the order of their figures (src/lib/parse/order.ts), on text whose labels
 * trail their figures (pdftotext's default mode): a reading stands only when the count is the
 * form's and every rule holds; anything else leaves the cells flagged, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/lib/parse/text';
import { readByOrder } from '../../src/lib/parse/order';
import { Budget, SPENT } from '../../src/lib/parse/budget';
import { KEY_INFO } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_HEAD, SECTION, t3Form } from '../support/synthetic-forms';
import { parsedText } from '../support/parse-text';

const family = FAMILIES.find((f) => f.id === 'f1c')!;

const parse = parsedText;

const t3Keys = (cells: Record<string, unknown>) => Object.keys(cells).filter((k) => KEY_INFO.get(k)?.table === 't3');

/** The line of 表三 that prints this figure alone, as a whole word. */
function figureLine(text: string, after: string): number {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(after));
  return lines.findIndex((l, i) => i > from && /^[0-9]+( [0-9]+)*$/.test(l) && l.split(' ').length >= 2);
}

/** 表三's lines: from its section heading to 表四's. */
function t3Range(doc: ReturnType<typeof readText>): [number, number] {
  const at = (re: RegExp) => doc.lines.findIndex((l) => l.tokens.some((t) => re.test(t.text)));
  const end = at(/^四、(政府信息公开|因政府信息公开)/);
  return [at(/三、收到和处理/), end < 0 ? doc.lines.length : end];
}

function byOrder(text: string, form: '2019' | '2021', budget = new Budget(1e9)) {
  const doc = readText(text);
  const [from, to] = t3Range(doc);
  return readByOrder(doc.lines, from, to, 't3', form, form === '2019', budget);
}

describe('reading by order', () => {
  it('reads a table whose every row prints its figures before its label', async () => {
    for (const seed of [3, 4, 5, 6]) {
      const d = family.make(seed);
      const r = await parse(d.text);
      for (const k of t3Keys(d.truth.cells)) {
        expect(r.uncertain[k], `seed ${seed} ${k}`).toBeUndefined();
        expect(r.cells[k], `seed ${seed} ${k}`).toBe(d.truth.cells[k]);
      }
      expect(r.findings, `seed ${seed}`).toEqual([]);
    }
  });

  it('a figure that breaks a rule: no reading by order stands, the table is flagged, the report is not blamed', async () => {
    const d = family.make(8);
    const lines = d.text.split('\n');
    const at = figureLine(d.text, '本年新收');
    // One more in a row's last figure (its total): the row's rule fails in every reading.
    lines[at] = lines[at].replace(/([0-9]+)$/, (m) => String(Number(m) + 1));
    const r = await parse(lines.join('\n'));
    for (const k of t3Keys(d.truth.cells)) {
      if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(d.truth.cells[k]);
    }
    expect(Object.keys(r.uncertain).filter((k) => k.startsWith('apps.')).length).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.rule <= 4)).toEqual([]);
  });

  it('digits that are no figure of the form (a decimal, a negative) in 表三: no reading by order', () => {
    const d = family.make(9);
    expect(byOrder(d.text, d.truth.form)).not.toBeNull();
    for (const odd of ['2.5', '-3']) {
      const lines = d.text.split('\n');
      const at = figureLine(d.text, '本年新收');
      lines[at] = lines[at].replace(/^[0-9]+/, odd);
      expect(byOrder(lines.join('\n'), d.truth.form), odd).toBeNull();
    }
  });

  it('gives up when its budget is spent, and reads the same text when it has one', () => {
    const d = family.make(10);
    expect(byOrder(d.text, d.truth.form, SPENT())).toBeNull();
    const read = byOrder(d.text, d.truth.form);
    expect(read).not.toBeNull();
    expect(read!.cells.get('apps.new.total')).toBe(d.truth.cells['apps.new.total']);
  });

  it('a long run of digits in the table is no reading (not split into cells)', () => {
    const d = family.make(11);
    expect(byOrder(d.text, d.truth.form)).not.toBeNull();
    const text = d.text.replace('三、收到和处理政府信息公开申请情况', `三、收到和处理政府信息公开申请情况\n${'7'.repeat(150)}`);
    expect(byOrder(text, d.truth.form)).toBeNull();
  });

  it('rows printed beside their labels are never read by order: two rows swapped keep every rule, only the labels tell', () => {
    for (const seed of [1, 2, 3]) {
      const t = makeTruth(rng(seed), '2021', { year: 2023 });
      const body = t3Form('2021').flatMap((r) => [...(r.heading ? [r.heading] : []), [r.labels[0], ...r.keys.map((k) => String(t.cells[k]))].join(' ')]);
      const i = body.findIndex((l) => l.includes('属于国家秘密'));
      const j = body.findIndex((l) => l.includes('保护第三方'));
      [body[i], body[j]] = [body[j], body[i]];
      expect(byOrder([SECTION.t3[0], APPLICANT_HEAD.join(' '), ...body, ...SECTION.tail].join('\n'), '2021'), `seed ${seed}`).toBeNull();
    }
  });

  /** 表三 with every row's figures on a line before its label, in the form's row order unless `order` says otherwise. */
  function figuresThenLabels(cells: Record<string, number | null>, form: '2019' | '2021', order?: number[], rotate = false): string {
    const rows = t3Form(form);
    const body = (order ?? rows.map((_, i) => i)).flatMap((i) => {
      const r = rows[i];
      const v = r.keys.map((k) => String(cells[k]));
      // rotate: the first figure after the label, the rest before it.
      return rotate ? [v.slice(1).join(' '), r.labels[0], v[0]] : [v.join(' '), r.labels[0]];
    });
    return [`某某局${form === '2019' ? 2020 : 2023}年度政府信息公开工作年度报告`, SECTION.t3[0], ...APPLICANT_HEAD, ...body, ...SECTION.tail].join('\n');
  }

  it('rows moved with their labels keep every rule; the labels out of the form\'s order stop the reading by order', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const t = makeTruth(rng(seed), '2019', { year: 2020 });
      const order = t3Form('2019').map((_, i) => i);
      const a = order.findIndex((i) => t3Form('2019')[i].keys[0].includes('denied_third_party'));
      [order[a], order[a + 1]] = [order[a + 1], order[a]];
      const r = await parse(figuresThenLabels(t.cells, '2019', order));
      for (const k of t3Keys(t.cells)) if (!(k in r.uncertain)) expect(r.cells[k], `seed ${seed} ${k}`).toBe(t.cells[k]);
      // The same text with the rows in the form's order is read whole.
      const whole = await parse(figuresThenLabels(t.cells, '2019'));
      expect(t3Keys(t.cells).filter((k) => k in whole.uncertain || whole.cells[k] !== t.cells[k]), `seed ${seed}`).toEqual([]);
    }
  });

  it('a run of rows printing all its labels before any of its figures (an item number left behind): read whole, each row in its label\'s order', async () => {
    for (const seed of [5, 6, 7, 8]) {
      const form = seed % 2 ? '2021' : '2019';
      const t = makeTruth(rng(seed), form, { year: form === '2019' ? 2020 : 2023 });
      const rows = t3Form(form);
      const p = rows.findIndex((r) => r.keys[0].includes('unavailable_not_held'));
      const q = rows.length - 2;
      const figs = (i: number) => rows[i].keys.map((k) => String(t.cells[k])).join(' ');
      const body = rows.flatMap((r, i) => {
        if (i < p || i > q) return [...(r.heading ? [r.heading] : []), figs(i), r.labels[0]];
        if (i !== p) return [];
        // The run's second label printed without its item number, the number after the labels.
        const labels = rows.slice(p, q + 1).map((s, j) => (j === 1 ? s.labels[0].replace(/^[0-9]+[.．]/, '') : s.labels[0]));
        return [...labels, '2.', ...rows.slice(p, q + 1).map((_, j) => figs(p + j))];
      });
      const text = [`某某局${form === '2019' ? 2020 : 2023}年度政府信息公开工作年度报告`, SECTION.t3[0], ...APPLICANT_HEAD, ...body, ...SECTION.tail].join('\n');
      const r = await parse(text);
      expect(t3Keys(t.cells).filter((k) => k in r.uncertain || r.cells[k] !== t.cells[k]), `seed ${seed}`).toEqual([]);
      expect(r.findings, `seed ${seed}`).toEqual([]);
      // A figure of the run printed among its labels leaves nothing to read by order there.
      const among = text.replace(`\n${rows[p + 2].labels[0]}\n`, `\n${rows[p + 2].labels[0]}\n${t.cells[rows[p].keys[0]]}\n`);
      expect(among).not.toBe(text);
      const r2 = await parse(among);
      for (const k of t3Keys(t.cells)) if (!(k in r2.uncertain)) expect(r2.cells[k], `seed ${seed} ${k}`).toBe(t.cells[k]);
    }
  });

  it('each row\'s first figure after its label, the rest before: a sparse table that keeps every rule is not read by order', async () => {
    // Everything in the first column (自然人): rotated one place, each row still adds up.
    const cells: Record<string, number | null> = {};
    for (const r of t3Form('2019')) for (const k of r.keys) cells[k] = 0;
    for (const row of ['new', 'granted', 'total']) { cells[`apps.${row}.natural`] = 3; cells[`apps.${row}.total`] = 3; }
    const r = await parse(figuresThenLabels(cells, '2019', undefined, true));
    for (const k of t3Keys(cells)) if (!(k in r.uncertain)) expect(r.cells[k], k).toBe(cells[k]);
  });
  it('a row\'s item number printed on the line of its first figure, its words after the figures (（二） 0 / … / 部分公开): the row is still placed', async () => {
    for (const seed of [1, 2, 3]) {
      const t = makeTruth(rng(seed), '2021', { year: 2023 });
      const body = t3Form('2021').flatMap((r) => {
        const v = r.keys.map((k) => String(t.cells[k]));
        const m = /^(（[一二三四五六七八九十]+）|[0-9]+[.．])(.+)$/.exec(r.labels[0]);
        const row = m ? [`${m[1]} ${v[0]}`, v.slice(1).join(' '), m[2]] : [v.join(' '), r.labels[0]];
        return [...(r.heading ? [r.heading] : []), ...row];
      });
      const r = await parse([`某某局2023年度政府信息公开工作年度报告`, SECTION.t3[0], ...APPLICANT_HEAD, ...body, ...SECTION.tail].join('\n'));
      expect(t3Keys(t.cells).filter((k) => k in r.uncertain || r.cells[k] !== t.cells[k]), `seed ${seed}`).toEqual([]);
    }
  });
});

describe('表四 whose figures go on past the next section\'s heading (as Chromium\'s PDFs come out of pdftotext)', () => {
  const T4 = [...KEY_INFO].filter(([, v]) => v.table === 't4').map(([k]) => k);
  const HEAD = SECTION.tail[0];

  /** A readable report (f1c) whose 表四 prints one figure per line: `before` figures, the next heading, then `after(rest)`. */
  function split(seed: number, before: number, after: (rest: string[]) => string[] = (r) => r) {
    const d = family.make(seed);
    const lines = d.text.split('\n');
    const open = lines.lastIndexOf('总计', lines.indexOf(HEAD));
    const close = lines.indexOf(SECTION.tail[1]);
    const figs = T4.map((k) => String(d.truth.cells[k]));
    lines.splice(open + 1, close - open - 1, ...figs.slice(0, before), HEAD, ...after(figs.slice(before)));
    return { text: lines.join('\n'), truth: d.truth.cells };
  }

  it('reads the figures on both sides of the heading when they are the form\'s count and every rule holds', async () => {
    for (const [seed, before] of [[3, 4], [4, 1], [5, 13], [6, 9]]) {
      const { text, truth } = split(seed, before);
      const r = await parse(text);
      expect(T4.filter((k) => k in r.uncertain || r.cells[k] !== truth[k]), `seed ${seed}`).toEqual([]);
    }
  });

  // 复议后起诉 left blank where it is pending (printed as nothing): a page number equal to twice
  // its total, read as that total, would keep every rule (1 + 2 + 0 + 3 = 6).
  const FIGS = ['2', '1', '0', '0', '3', '0', '0', '1', '0', '1', '1', '2', '0', '3'];

  /** A readable report (f1c) whose 表四 is printed as `arrange` says, around the heading. */
  function arranged(seed: number, arrange: string[]) {
    const d = family.make(seed);
    const lines = d.text.split('\n');
    const open = lines.lastIndexOf('总计', lines.indexOf(HEAD));
    lines.splice(open + 1, lines.indexOf(SECTION.tail[1]) - open - 1, ...arrange);
    return lines.join('\n');
  }

  it('a single figure after the heading (as likely the page\'s number) is not read: 表四 is flagged, never guessed', async () => {
    const r = await parse(arranged(7, [...FIGS, HEAD, '6']));
    expect(r.cells['suit_after_review.total']).not.toBe(6);
    expect(T4.filter((k) => k in r.uncertain).length).toBeGreaterThan(0);
  });

  it('a page that starts among or right after those figures (a footer may stand before it): 表四 is flagged', async () => {
    // The footer after the last figure; or 未经复议直接起诉's pending left blank, the footer `2`
    // (read as its total: 0 + 0 + 1 + 1 = 2) and the next page with 复议后起诉.
    const cases = [
      { text: arranged(3, [...FIGS.slice(0, 4), HEAD, ...FIGS.slice(4), '6', `\f${SECTION.tail[1]}`]), key: 'suit_after_review.total', footer: 6 },
      { text: arranged(4, ['2', '1', '0', '0', HEAD, '3', '0', '0', '1', '1', '2', '\f1', '2', '0', '0', '3']), key: 'suit_direct.total', footer: 2 },
    ];
    for (const { text, key, footer } of cases) {
      const r = await parse(text);
      expect(r.cells[key], key).not.toBe(footer);
      expect(T4.filter((k) => k in r.uncertain).length, key).toBeGreaterThan(0);
    }
  });
});
