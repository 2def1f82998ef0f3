/**
 * 表三 and 表四 read by the order of their figures (src/lib/parse/order.ts), on text whose labels
 * trail their figures (pdftotext's default mode): a reading stands only when the count is the
 * form's and every rule holds; anything else leaves the cells flagged, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/lib/parse';
import { readText } from '../../src/lib/parse/text';
import { readByOrder } from '../../src/lib/parse/order';
import { isFailure, KEY_INFO, type ParsedReport } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';
import { makeTruth, rng } from '../support/synthetic-figures';
import { APPLICANT_HEAD, SECTION, t3Form } from '../support/synthetic-forms';

const family = FAMILIES.find((f) => f.id === 'f1c')!;

async function parse(text: string): Promise<ParsedReport> {
  const r = await parseFile('report.txt', new TextEncoder().encode(text));
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

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

function byOrder(text: string, form: '2019' | '2021', deadline = Date.now() + 5000) {
  const doc = readText(text);
  const [from, to] = t3Range(doc);
  return readByOrder(doc.lines, from, to, 't3', form, form === '2019', deadline);
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

  it('gives up when its time is spent, and reads the same text when it has time', () => {
    const d = family.make(10);
    expect(byOrder(d.text, d.truth.form, Date.now() - 1)).toBeNull();
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
});
