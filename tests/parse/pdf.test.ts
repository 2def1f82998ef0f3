import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, manifest } from '../support/gold';
import { APP_COLS, APP_ROWS, REVIEW_BLOCKS, REVIEW_COLS, T2_ROWS, ReportError, type Template } from '../../src/lib/format';
import type { Line, ReportDocument } from '../../src/lib/parse/document';
import { readPdf } from '../../src/lib/parse/pdf';
import { documentOptions, loadPdfjs } from '../../src/lib/parse/pdf/pdfjs';
import { buildPdf, cjkTextPdf } from '../fixtures/pdf/make-fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = CORPUS_DIR;
const FIXTURES = join(here, '../fixtures/pdf');

interface Gold { id: string; unit: string; year: number; template: Template; cells: Record<string, number | null> }

const NUM = /^-?\d+(?:\.\d+)?$/;
const isNumOrBlank = (t: string) => t === '' || NUM.test(t);
const value = (t: string) => (t === '' ? null : Number(t));

/** Lines that are a table row: an optional label token, then only numbers or blank cells. */
function numericRows(doc: ReportDocument): { label: string | null; values: (number | null)[]; line: Line }[] {
  return doc.lines.flatMap((line) => {
    const texts = line.tokens.map((t) => t.text);
    const hasLabel = texts.length > 0 && !isNumOrBlank(texts[0]);
    const rest = hasLabel ? texts.slice(1) : texts;
    if (!rest.length || !rest.every(isNumOrBlank) || !rest.some((t) => t !== '')) return [];
    return [{ label: hasLabel ? texts[0] : null, values: rest.map(value), line }];
  });
}

const pdfReports: { gold: Gold; file: string }[] = manifest().flatMap((m) =>
  m.inputs.filter((f) => f.endsWith('.pdf')).map((f) => ({
    file: join(CORPUS, 'reports', f),
    gold: JSON.parse(readFileSync(join(CORPUS, 'gold', `${m.id}.json`), 'utf8')) as Gold,
  })));

// The first test of each report loads and reads its PDF; a busy machine needs more than 5 s.
describe('readPdf on the corpus PDFs', { timeout: 60_000 }, () => {
  for (const { gold, file } of pdfReports) {
    describe(gold.id, () => {
      let doc: ReportDocument;
      const load = async () => (doc ??= await readPdf(new Uint8Array(readFileSync(file))));

      it('emits 表三 rows as label + 7 numbers, matching the answer key row by row', async () => {
        const rows = numericRows(await load()).filter((r) => r.values.length === APP_COLS.length);
        const g = gold.cells;
        // A report prints either the single （六）其他处理 row or its three sub-rows.
        const subRowsPrinted = g['apps.other_no_correction.total'] != null;
        const expected = APP_ROWS.filter((r) => r.templates.includes(gold.template))
          .filter((r) => (r.row === 'other' ? !subRowsPrinted : r.group !== 'other' || subRowsPrinted))
          .map((r) => ({ r, values: APP_COLS.map((c) => g[`apps.${r.row}.${c}`]) }));
        expect(rows.map((x) => x.values)).toEqual(expected.map((x) => x.values));
        rows.forEach((row, i) => {
          // The wrapped label lines are joined into the row's first token.
          const cues = expected[i].r.cues;
          expect(row.label, `label of ${expected[i].r.row}`).toBeTruthy();
          if (cues.length) expect(cues.some((c) => row.label!.includes(c)), `${row.label} ~ ${cues}`).toBe(true);
        });
      });

      it('gives 表二 numbers in the order of the answer key', async () => {
        const rows = numericRows(await load());
        const firstT3 = rows.findIndex((r) => r.values.length === APP_COLS.length);
        const printed = rows.slice(0, firstT3).flatMap((r) => r.values);
        const expected = T2_ROWS[gold.template].flatMap((r) =>
          r.cols.map((c) => {
            const v = gold.cells[`t2.${r.stem}.${c.key}`];
            // The form prints 万元; the key stores 元.
            return c.money === 'wan' && v != null ? v / 10000 : v;
          }));
        expect(printed).toHaveLength(expected.length);
        printed.forEach((v, i) => (v === null ? expect(expected[i]).toBeNull() : expect(v).toBeCloseTo(expected[i]!, 6)));
      });

      it('gives 表四 as one row of 15 numbers in the order of the answer key', async () => {
        const rows = numericRows(await load()).filter((r) => r.values.length === 15);
        const expected = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLS.map((c) => gold.cells[`${b}.${c}`]));
        expect(rows.map((r) => r.values)).toEqual([expected]);
      });

      it('numbers lines per page, drops page footers, keeps identity text and title', async () => {
        const d = await load();
        expect(d.kind).toBe('pdf');
        let page = 0, line = 0;
        for (const l of d.lines) {
          expect(l.cellular).toBe(true);
          const p = l.tokens[0].page!;
          if (p !== page) [page, line] = [p, 0];
          expect(l.tokens.every((t) => t.page === page && t.line === line + 1)).toBe(true);
          line++;
          expect(l.tokens.map((t) => t.text).join(' ')).not.toMatch(/^[-—\s]*\d+[-—\s]*$/);
        }
        expect(page).toBeGreaterThan(1);
        expect(d.text).toContain(String(gold.year));
        expect(d.text.replace(/\s/g, '')).toContain(gold.unit);
        expect(typeof d.title).toBe('string');
      });
    });
  }

  // Speed is measured by `npm run bench:parse` (PDFs per second), not asserted here.
  it('the corpus holds PDFs to read', () => expect(pdfReports.length).toBeGreaterThan(0));
});

type Item = [string, number, number, number];

/**
 * An A4 PDF with Helvetica text at given displayed positions (x, baseline y, size), one item
 * list per page. rotated: pages stored landscape with /Rotate 90 and the text turned to match.
 */
function textPdf(pages: Item[] | Item[][], rotated = false): Uint8Array {
  const list = (typeof pages[0][0] === 'string' ? [pages] : pages) as Item[][];
  const n = list.length;
  // Objects: 1 catalog, 2 pages, 3 font, then a page and its content stream per page.
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${list.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  for (const [i, items] of list.entries()) {
    const ops = items.map(([t, x, y, size]) =>
      `BT /F1 ${size} Tf ${rotated ? `0 1 -1 0 ${842 - y} ${x}` : `1 0 0 1 ${x} ${y}`} Tm (${t}) Tj ET`).join('\n');
    const content = Buffer.from(ops, 'latin1');
    objects.push(
      Buffer.from(`<< /Type /Page /Parent 2 0 R ${rotated ? '/Rotate 90 /MediaBox [0 0 842 595]' : '/MediaBox [0 0 595 842]'} ` +
        `/Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`),
      Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
    );
  }
  return new Uint8Array(buildPdf(objects));
}

describe('readPdf layout', () => {
  const prose: [string, number, number, number] = ['This line is prose so the page has a text layer of its own.', 72, 760, 12];

  const table: [string, number, number, number][] = [
    prose,
    ['Alpha', 72, 700, 10], ['1', 300, 700, 10], ['2', 350, 700, 10], ['3', 400, 700, 10],
    ['Beta', 72, 680, 10], ['4', 300, 680, 10], ['6', 400, 680, 10],
    ['Gamma', 72, 660, 10], ['7', 350, 660, 10],
    ['- 1 -', 290, 30, 10],
  ];
  const tableRows = [
    [prose[0]],
    ['Alpha', '1', '2', '3'],
    ['Beta', '4', '', '6'],
    ['Gamma', '', '7', ''],
  ];

  it('keeps a blank cell in a known column as an empty token, not a shifted number', async () => {
    const doc = await readPdf(textPdf(table));
    expect(doc.lines.map((l) => l.tokens.map((t) => t.text))).toEqual(tableRows);
    expect(doc.lines[2].tokens[2]).toMatchObject({ text: '', page: 1, line: 3 });
  });

  it('doubts the figures of a row printed over several lines (a number wrapped in a narrow cell), and no other row', async () => {
    // Rows 24 pt apart; Delta's 1289 wraps as 128 over 9 and 3804 as 380 over 4, its other
    // figures and its label on the line between, 12 pt from each.
    const cols = [300, 350, 400, 450];
    const row = (label: string | null, y: number, cells: (string | null)[]): Item[] => [
      ...(label ? [[label, 72, y, 10] as Item] : []),
      ...cells.flatMap((c, i) => (c === null ? [] : [[c, cols[i], y, 10] as Item])),
    ];
    const doc = await readPdf(textPdf([prose,
      ...row('Alpha', 700, ['1', '2', '3', '6']), ...row('Beta', 676, ['5', '6', '7', '18']), ...row('Gamma', 652, ['1', '1', '1', '3']),
      ...row(null, 628, ['128', null, null, '380']), ...row('Delta', 616, [null, '826', '0', null]), ...row(null, 604, ['9', null, null, '4']),
      ...row('Epsilon', 580, ['2', '2', '2', '6']), ...row('Zeta', 556, ['0', '0', '0', '0'])]));
    const rows = doc.lines.filter((l) => l.tokens.some((t) => /^\d+$/.test(t.text)));
    const doubted = rows.map((l) => l.tokens.filter((t) => /^\d*$/.test(t.text)).every((t) => !!t.doubt));
    expect(rows.map((l) => l.tokens.filter((t) => t.text !== '').map((t) => t.text).join(' '))).toEqual(
      ['Alpha 1 2 3 6', 'Beta 5 6 7 18', 'Gamma 1 1 1 3', '128 380', 'Delta 826 0', '9 4', 'Epsilon 2 2 2 6', 'Zeta 0 0 0 0']);
    expect(doubted).toEqual([false, false, false, true, true, true, false, false]);
    expect(rows[3].tokens.find((t) => t.text === '128')?.doubt).toMatch(/分印在上下几行/);
    expect(rows[0].tokens.some((t) => t.doubt)).toBe(false);
  });

  it('doubts a row broken across a page (its figures run on under no label of their own), not a row that starts the next page', async () => {
    const page1: Item[] = [prose, ['1.Alpha', 72, 700, 10], ['1', 300, 700, 10], ['2', 350, 700, 10], ['3', 400, 700, 10],
      ['2.Beta', 72, 676, 10], ['4', 300, 676, 10], ['0', 350, 676, 10], ['136', 400, 676, 10], ['- 1 -', 290, 30, 10]];
    const page2: Item[] = [prose, ['8', 400, 740, 10], ['3.Gamma', 72, 716, 10], ['5', 300, 716, 10], ['6', 400, 716, 10],
      ['4.Delta', 72, 692, 10], ['1', 300, 692, 10], ['1', 350, 692, 10], ['2', 400, 692, 10], ['- 2 -', 290, 30, 10]];
    const doc = await readPdf(textPdf([page1, page2]));
    const rows = doc.lines.filter((l) => l.tokens.some((t) => /^\d+$/.test(t.text)));
    expect(rows.map((l) => l.tokens.filter((t) => t.text !== '').map((t) => t.text).join(' '))).toEqual(
      ['1.Alpha 1 2 3', '2.Beta 4 0 136', '8', '3.Gamma 5 6', '4.Delta 1 1 2']);
    expect(rows.map((l) => l.tokens.some((t) => !!t.doubt))).toEqual([false, true, true, false, false]);
  });

  it('reads a page stored rotated (/Rotate 90) as it is displayed', async () => {
    const doc = await readPdf(textPdf(table, true));
    expect(doc.lines.map((l) => l.tokens.map((t) => t.text))).toEqual(tableRows);
  });

  it('separates numbers in a cramped table from each other and from their label', async () => {
    const doc = await readPdf(textPdf([
      prose,
      ['Delta', 72, 700, 10], ['12', 102, 700, 10], ['34', 118, 700, 10], ['5', 135, 700, 10],
      ['In 2023 there were 21 requests', 72, 680, 10],
    ]));
    expect(doc.lines.map((l) => l.tokens.map((t) => t.text))).toEqual([
      [prose[0]], ['Delta', '12', '34', '5'], ['In 2023 there were 21 requests'],
    ]);
  });

  it('drops running headers and page numbers but keeps a table row near the page edge', async () => {
    const page = (i: number): Item[] => [
      ['County Government Open Information Annual Report', 150, 800, 10],
      prose,
      ['Row ' + 'ABC'[i - 1], 72, 700, 10], [String(i), 300, 700, 10], ['0', 350, 700, 10],
      ['Page ' + i + ' of 3', 270, 30, 9],
      ['Last row', 72, 45, 10], ['7', 300, 45, 10], ['8', 350, 45, 10],
    ];
    const doc = await readPdf(textPdf([page(1), page(2), page(3)]));
    const rows = doc.lines.map((l) => l.tokens.map((t) => t.text));
    expect(rows).toHaveLength(9);
    expect(rows.slice(0, 3)).toEqual([[prose[0]], ['Row A', '1', '0'], ['Last row', '7', '8']]);
    expect(doc.lines[8].tokens[0]).toMatchObject({ page: 3, line: 3 });
  });

  it('joins a label that wraps around its row of numbers', async () => {
    const doc = await readPdf(textPdf([
      prose,
      ['(2) Partly granted, counted', 72, 706, 9], ['5', 300, 700, 10], ['9', 350, 700, 10],
      ['only here', 72, 694, 9],
      ['3. Next row', 72, 670, 9], ['1', 300, 670, 10], ['0', 350, 670, 10],
    ]));
    expect(doc.lines.map((l) => l.tokens.map((t) => t.text))).toEqual([
      [prose[0]],
      ['(2) Partly granted, counted only here', '5', '9'],
      ['3. Next row', '1', '0'],
    ]);
  });
});

it('reads Chinese text set in a non-embedded font with a predefined CMap (UniGB-UCS2-H)', async () => {
  const sentence = '本报告根据政府信息公开条例编制，统计期限自一月一日起至十二月三十一日止。';
  const doc = await readPdf(new Uint8Array(cjkTextPdf([[sentence, 72, 700, 12]])));
  expect(doc.text).toBe(sentence);
});

describe('readPdf refuses what it cannot read', () => {
  const code = async (bytes: Uint8Array) => {
    try {
      await readPdf(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(ReportError);
      return (e as ReportError).code;
    }
    return 'read';
  };
  const fixture = (f: string) => new Uint8Array(readFileSync(join(FIXTURES, f)));

  it('an encrypted PDF', async () => {
    expect(await code(fixture('encrypted.pdf'))).toBe('encrypted_pdf');
    // The fixture is a real encrypted PDF: it opens with its password.
    const pdfjs = await loadPdfjs();
    const doc = await pdfjs.getDocument({ ...documentOptions(fixture('encrypted.pdf')), password: 'secret' }).promise;
    expect(doc.numPages).toBe(1);
    await doc.destroy();
  });

  it('a PDF without a text layer', async () => {
    expect(await code(fixture('scanned.pdf'))).toBe('scanned_pdf');
  });

  it('an empty, corrupt or truncated file', async () => {
    expect(await code(new Uint8Array())).toBe('broken_file');
    expect(await code(new TextEncoder().encode('%PDF-1.4\nnot really a pdf\n'))).toBe('broken_file');
    const whole = fixture('scanned.pdf');
    expect(await code(whole.subarray(0, Math.floor(whole.length / 3)))).toBe('broken_file');
  });
});

describe('loading pdfjs', () => {
  // The legacy build's core-js swaps Array.prototype.push for a JavaScript one on Node 20 (and
  // dresses it up to print as native code), which slowed every later push in the process. A
  // fresh process, because this one may have loaded pdfjs already; starting it (tsx, pdfjs)
  // takes seconds on a busy machine.
  it('leaves the engine its own Array.prototype.push', { timeout: 60_000 }, () => {
    const script = [
      'const push = Array.prototype.push;',
      `const { loadPdfjs } = await import(${JSON.stringify(join(here, '../../src/lib/parse/pdf/pdfjs.ts'))});`,
      'await loadPdfjs();',
      'console.log(Array.prototype.push === push ? "native" : "replaced");',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('native');
  });
});

describe('parseFile given a Node Buffer', () => {
  it('reads a PDF as it reads the same bytes in a Uint8Array (pdf.js refuses a Buffer)', async () => {
    const { parseFile } = await import('../../src/lib/parse');
    const { isFailure } = await import('../../src/lib/format');
    const buf = readFileSync(join(CORPUS, 'reports', 'huaian-hongze-2024.pdf'));
    const r = await parseFile('huaian-hongze-2024.pdf', buf);
    expect(isFailure(r)).toBe(false);
    const plain = await parseFile('huaian-hongze-2024.pdf', new Uint8Array(buf));
    expect(isFailure(r) || isFailure(plain) ? null : r.cells).toEqual(isFailure(plain) ? undefined : plain.cells);
  });
});
