/**
 * Leaving out font programs text extraction does not need (src/lib/parse/pdf/fonts.ts): the
 * rule on hand-built object sets, then real PDFs read both ways — the corpus's, and tables
 * Chromium prints with an embedded TrueType font — which must give the same document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, manifest } from '../support/gold';
import { freshBrowser, type FreshBrowser } from '../support/browser';
import { zlibSync } from 'fflate';
import { buildPdf } from '../fixtures/pdf/make-fixtures';
import { withoutFontPrograms } from '../../src/lib/parse/pdf/fonts';
import { horizontalForms } from '../../src/lib/parse/normalize';
import { readPdf } from '../../src/lib/parse/pdf';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

interface FontFixture {
  encoding?: string;
  toUnicode?: boolean;
  fontName?: string;
  baseFont?: string;
  descendants?: string;
  descriptorExtra?: string;
  /** Objects appended after the eight of the font. */
  extra?: string[];
  /** The program's stream: its dictionary entries and bytes (a TrueType head by default). */
  program?: { dict: string; data: Buffer };
  /** The ToUnicode stream (object 8): its dictionary entries and bytes. */
  cmap?: { dict: string; data: Buffer };
}

/** A ToUnicode CMap with these bfchar and bfrange lines. */
function cmapText(bfchar: string[], bfrange: string[] = [], extra = ''): Buffer {
  return latin1('/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n' + extra
    + '1 begincodespacerange <0000> <FFFF> endcodespacerange\n'
    + `${bfchar.length} beginbfchar\n${bfchar.join('\n')}\nendbfchar\n`
    + (bfrange.length ? `${bfrange.length} beginbfrange\n${bfrange.join('\n')}\nendbfrange\n` : '')
    + 'endcmap CMapName currentdict /CMap defineresource pop end end');
}
const ONE_EACH = cmapText(['<0003> <4E00>', '<0004> <FF08>', '<0005> <3001>', '<0006> <D840DC00>'], ['<0010> <0019> <0030>', '<0020> <0022> [<FF09> <3002> <0041>]']);

/** A PDF's object set with one Type0 font over an embedded TrueType program (objects 4–8). */
function fontPdf(f: FontFixture = {}): Uint8Array {
  const program = f.program ?? { dict: '', data: latin1('\x00\x01\x00\x00 9 0 obj << /Type /FontDescriptor /FontFile2 7 0 R >> endobj \xff\xfe') };
  const objects = [
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    latin1('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> >>'),
    latin1(`<< /Type /Font /Subtype /Type0 /BaseFont ${f.baseFont ?? '/ABCDEF+SimSun'} /Encoding ${f.encoding ?? '/Identity-H'} `
      + `/DescendantFonts ${f.descendants ?? '[5 0 R]'}${f.toUnicode === false ? '' : ' /ToUnicode 8 0 R'} >>`),
    latin1(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${f.baseFont ?? '/ABCDEF+SimSun'} /FontDescriptor 6 0 R /DW 1000 /W [16 [500]] >>`),
    latin1(`<< /Type /FontDescriptor /FontName ${f.fontName ?? '/ABCDEF+SimSun'} /Flags 32 /FontFile2 7 0 R${f.descriptorExtra ?? ''} >>`),
    streamObject(program),
    streamObject(f.cmap ?? { dict: '', data: ONE_EACH }),
    ...(f.extra ?? []).map(latin1),
  ];
  return new Uint8Array(buildPdf(objects));
}

function streamObject(s: { dict: string; data: Buffer }): Buffer {
  return Buffer.concat([latin1(`<< ${s.dict} /Length ${s.data.length} >>\nstream\n`), s.data, latin1('\nendstream')]);
}

describe('which font programs are left out', () => {
  const trueType = Buffer.concat([latin1('true'), Buffer.alloc(3000, 7)]);
  it('renames the program of a vertical font whose map gives one character per code, compressed or not', () => {
    for (const cmap of [undefined, { dict: '/Filter /FlateDecode', data: Buffer.from(zlibSync(ONE_EACH)) }]) {
      expect(withoutFontPrograms(fontPdf({ encoding: '/Identity-V', cmap })).skipped).toBe(1);
    }
  });

  it('renames the program key of a Type0 Identity-H font with a ToUnicode map, in place', () => {
    for (const program of [undefined, { dict: '/Filter /FlateDecode', data: Buffer.from(zlibSync(trueType)) }]) {
      const pdf = fontPdf({ program });
      const before = pdf.slice();
      const out = withoutFontPrograms(pdf);
      expect(out.skipped).toBe(1);
      expect(out.bytes.length).toBe(pdf.length);
      expect(pdf).toEqual(before);
      const changed = [...out.bytes.keys()].filter((i) => out.bytes[i] !== pdf[i]);
      const at = Buffer.from(pdf).toString('latin1').indexOf('/Flags 32 /FontFile2') + '/Flags 32 '.length;
      expect(changed[0]).toBeGreaterThanOrEqual(at);
      expect(changed.at(-1)).toBeLessThan(at + '/FontFile2'.length);
      // The program itself, with "/FontFile2" inside its bytes, is not touched.
      if (!program) expect(Buffer.from(out.bytes).toString('latin1')).toContain('9 0 obj << /Type /FontDescriptor /FontFile2 7 0 R >> endobj');
    }
  });

  const keep: [string, Uint8Array][] = [
    ['a vertical font whose map gives a code two characters', fontPdf({ encoding: '/Identity-V', cmap: { dict: '', data: cmapText(['<0003> <4E00>', '<0004> <FF0800310029>']) } })],
    ['a vertical font whose range array gives a code two characters', fontPdf({ encoding: '/Identity-V', cmap: { dict: '', data: cmapText(['<0003> <4E00>'], ['<0020> <0021> [<3002> <00660069>]']) } })],
    ['a vertical font whose range runs into surrogates', fontPdf({ encoding: '/Identity-V', cmap: { dict: '', data: cmapText(['<0003> <4E00>'], ['<0020> <0030> <D7FA>']) } })],
    ['a vertical font whose map uses another CMap', fontPdf({ encoding: '/Identity-V', cmap: { dict: '', data: cmapText(['<0003> <4E00>'], [], '/Adobe-GB1-UCS2 usecmap\n') } })],
    ['a vertical font whose map is not a CMap', fontPdf({ encoding: '/Identity-V', cmap: { dict: '', data: latin1('x y') } })],
    ['a vertical font whose compressed map is cut short', fontPdf({ encoding: '/Identity-V', cmap: { dict: '/Filter /FlateDecode', data: Buffer.from(zlibSync(ONE_EACH)).subarray(0, 40) } })],
    ['a vertical symbol font (pdf.js maps its characters anew)', fontPdf({ encoding: '/Identity-V', baseFont: '/ABCDEF+#53ymbolMT', fontName: '/ABCDEF+SimSun' })],
    ['a vertical Dingbats font', fontPdf({ encoding: '/Identity-V', fontName: '/ABCDEF+ZapfDingbats' })],
    ['a CFF program under /FontFile2', fontPdf({ program: { dict: '', data: latin1('\x01\x00\x04\x02 CFF bytes') } })],
    ['an OpenType CFF program under /FontFile2', fontPdf({ program: { dict: '/Filter /FlateDecode', data: Buffer.from(zlibSync(latin1('OTTO and the rest'))) } })],
    ['a program under a filter other than Flate', fontPdf({ program: { dict: '/Filter /ASCIIHexDecode', data: latin1('00010000>') } })],
    ['a reference to an object the file does not hold', fontPdf({ extra: ['<< /Type /Annot /Subtype /Text /P 42 0 R >>'] })],
    ['a simple font sharing the descriptor behind a string holding "stream"',
      fontPdf({ extra: ['<< /Type /Annot /Subtype /Link /A << /S /URI /URI (http://example.gov.cn/a>> stream\n/b) >> >>',
        '<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SimSun /FontDescriptor 6 0 R /ToUnicode 8 0 R >>',
        '<< /Length 2 >>\nstream\nq Q\nendstream'] })],
    ['a simple font sharing the descriptor behind a string holding "endobj"',
      fontPdf({ extra: ['<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SimSun /Comment (a endobj b) /FontDescriptor 6 0 R /ToUnicode 8 0 R >>'] })],
    ['no ToUnicode map', fontPdf({ toUnicode: false })],
    ['a predefined CMap, not Identity', fontPdf({ encoding: '/UniGB-UCS2-H' })],
    ['a font name without a subset tag (pdf.js may take it for a standard font)', fontPdf({ baseFont: '/TimesNewRomanPSMT', fontName: '/TimesNewRomanPSMT' })],
    ['a descriptor name without a subset tag', fontPdf({ fontName: '/SimSun' })],
    ['descendants given as an indirect array', fontPdf({ descendants: '9 0 R', extra: ['[5 0 R]'] })],
    ['a second program key beside it', fontPdf({ descriptorExtra: ' /FontFile3 8 0 R' })],
    ['the descriptor also used by a simple font', fontPdf({ extra: ['<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SimSun /FontDescriptor 6 0 R /ToUnicode 8 0 R >>'] })],
    ['the CID font also under a Type0 font without ToUnicode', fontPdf({ extra: ['<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [5 0 R] >>'] })],
    ['the descriptor referred to under another key', fontPdf({ extra: ['<< /Type /Annot /Subtype /Text /Ref 6 0 R >>'] })],
    ['objects in an object stream (they cannot all be seen)', fontPdf({ extra: ['<< /Type /ObjStm /N 1 /First 4 /Length 0 >>\nstream\n\nendstream'] })],
  ];
  for (const [what, pdf] of keep) {
    it(`keeps the program with ${what}`, () => {
      const out = withoutFontPrograms(pdf);
      expect(out.skipped).toBe(0);
      expect(out.bytes).toBe(pdf);
    });
  }

  it('keeps every program of a file that defines an object twice (an incremental update)', () => {
    const pdf = fontPdf();
    const update = latin1('\n6 0 obj\n<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /FontFile2 7 0 R >>\nendobj\n');
    const out = withoutFontPrograms(new Uint8Array(Buffer.concat([Buffer.from(pdf), update])));
    expect(out.skipped).toBe(0);
  });

  it('turns vertical presentation forms back into the characters they stand for', () => {
    expect(horizontalForms('三︑本年度办理结果')).toBe('三、本年度办理结果');
    expect(horizontalForms('︵一︶予以公开︒')).toBe('（一）予以公开。');
    expect(horizontalForms('︻注︼︙')).toBe('【注】…');
    expect(horizontalForms('行政许可 9,487')).toBe('行政许可 9,487');
  });
});

const corpusPdfs = manifest().flatMap((m) => m.inputs.filter((f) => f.endsWith('.pdf')));

describe('a PDF read without the programs gives the same document', { timeout: 120_000 }, () => {
  it('the corpus holds PDFs to compare', () => expect(corpusPdfs.length).toBeGreaterThan(0));
  for (const f of corpusPdfs) {
    it(f, async () => {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, 'reports', f)));
      expect(withoutFontPrograms(bytes).skipped).toBeGreaterThan(0);
      expect(await readPdf(bytes)).toEqual(await readPdf(bytes, { fontPrograms: 'all' }));
    });
  }

  describe('tables printed by Chromium, digits in an embedded TrueType font', () => {
    let browser: FreshBrowser;
    beforeAll(async () => { browser = await freshBrowser(); }, 60_000);
    afterAll(async () => { await browser?.close(); });

    for (const seed of [1, 2, 3, 4]) {
      it(`random table ${seed}`, async () => {
        const { html, figures, labels } = randomTable(seed);
        const page = await browser.context.newPage();
        await page.setContent(html);
        const pdf = new Uint8Array(await page.pdf({ format: 'A4' }));
        await page.close();
        expect(withoutFontPrograms(pdf).skipped).toBeGreaterThan(0);
        const light = await readPdf(pdf);
        expect(light).toEqual(await readPdf(pdf, { fontPrograms: 'all' }));
        const tokens = new Set(light.lines.flatMap((l) => l.tokens.map((t) => t.text)));
        for (const x of figures) expect(tokens, x).toContain(x);
        // Chromium maps some ideographs to Kangxi radicals (⾏ for 行): read as printed.
        for (const label of labels) expect(light.text).toContain(label);

        // The same fonts made vertical (Identity-V, as Word writes for a rotated cell): pdf.js
        // writes presentation forms for the punctuation of a vertical font without its program.
        const vertical = Buffer.from(Buffer.from(pdf).toString('latin1').replaceAll('/Encoding /Identity-H', '/Encoding /Identity-V'), 'latin1');
        expect(vertical.length).toBe(pdf.length);
        expect(withoutFontPrograms(new Uint8Array(vertical)).skipped).toBeGreaterThan(0);
        expect(await readPdf(new Uint8Array(vertical))).toEqual(await readPdf(new Uint8Array(vertical), { fontPrograms: 'all' }));
      });
    }
  });
});

const LABELS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开',
  '1.属于国家秘密', '2.其他法律行政法规禁止公开', '（六）其他处理', '（七）总计', '行政许可', '行政处罚', '行政事业性收费'];

/** A seeded table: Chinese labels (a CJK font), figures in DejaVu Sans, a vertical header. */
function randomTable(seed: number): { html: string; figures: string[]; labels: string[] } {
  let s = seed * 2654435761 >>> 0;
  const rand = (n: number) => { s = (s * 1103515245 + 12345) >>> 0; return (s >>> 8) % n; };
  const figure = () => {
    const kind = rand(5);
    if (kind === 0) return String(rand(10));
    if (kind === 1) return (rand(900000) + 1000).toLocaleString('en-US');
    if (kind === 2) return `${rand(9000)}.${String(rand(100)).padStart(2, '0')}`;
    if (kind === 3) return `-${rand(50) + 1}`;
    return String(rand(100000));
  };
  const figures: string[] = [];
  const labels: string[] = [];
  const rows = Array.from({ length: 6 + rand(6) }, () => {
    const cells = Array.from({ length: 7 }, () => { const x = figure(); figures.push(x); return `<td class="n">${x}</td>`; });
    labels.push(LABELS[rand(LABELS.length)]);
    return `<tr><td>${labels.at(-1)}</td>${cells.join('')}</tr>`;
  });
  const html = '<html><head><style>body{font-family:"Noto Sans CJK SC"}td,th{border:1px solid #000;padding:4px}'
    + '.n{font-family:"DejaVu Sans";text-align:right}.v{writing-mode:vertical-rl}</style></head><body>'
    + `<h1>某县人民政府 20${20 + rand(6)} 年政府信息公开工作年度报告</h1><table><tr><th class="v">三、本年度办理结果</th>`
    + '<th>自然人</th><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th><th>总计</th></tr>'
    // Dashes and dots DejaVu has and pdf.js turns into vertical forms in a vertical font.
    + `${rows.join('')}</table><p class="n">注：– — … ‥ ${figure()}</p></body></html>`;
  return { html, figures, labels };
}
