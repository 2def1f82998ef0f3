/** Word reports: paragraphs and tables of word/document.xml, merged cells, blanks kept null. */
import { describe, expect, it } from 'vitest';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { makeReport, printed, printedRows, heading, type Synthetic } from '../support/synthetic';
import { constants, crc32 as crc, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zip, zip64, zipRaw } from '../support/zip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const p = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
const tc = (s: string, extra = '') => `<w:tc><w:tcPr>${extra}</w:tcPr>${p(s)}</w:tc>`;

function documentXml(s: Synthetic, blankLegal: boolean): string {
  const rows = printedRows(s);
  const cell = (k: string) => tc(blankLegal && /^apps\..*\.legal$/.test(k) ? '' : printed(s, k));
  const t2 = rows.filter((r) => r.table === 't2').map((r) => `<w:tr>${tc(r.label)}${r.keys.map(cell).join('')}</w:tr>`).join('');
  const t3rows = rows.filter((r) => r.table === 't3');
  const t3 = t3rows.map((r, i) => {
    // The vertical group label: restart on its first row, continue below.
    const group = i < 2 ? '' : tc(i === 2 ? '三、本年度办理结果' : '', `<w:vMerge${i === 2 ? ' w:val="restart"' : ''}/>`);
    return `<w:tr>${group}${tc(r.label, i < 2 ? '<w:gridSpan w:val="2"/>' : '')}${r.keys.map(cell).join('')}</w:tr>`;
  }).join('');
  const t4 = `<w:tr>${rows.find((r) => r.table === 't4')!.keys.map(cell).join('')}</w:tr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${heading(s).split('\n').map(p).join('')}${p('第二十条第（一）项')}<w:tbl>${t2}</w:tbl>
${p('三、收到和处理政府信息公开申请情况')}<w:tbl><w:tr>${tc('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '<w:gridSpan w:val="2"/>')}${tc('申请人情况', '<w:gridSpan w:val="7"/>')}</w:tr>${t3}</w:tbl>
${p('四、政府信息公开行政复议、行政诉讼情况')}<w:tbl><w:tr>${tc('行政复议', '<w:gridSpan w:val="5"/>')}${tc('行政诉讼', '<w:gridSpan w:val="10"/>')}</w:tr><w:tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((x) => tc(x)).join('')}</w:tr>${t4}</w:tbl>
${p('五、存在的主要问题及改进情况')}</w:body></w:document>`;
}

function docx(xml: string, styles?: string): Uint8Array {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': xml,
    ...(styles ? { 'word/styles.xml': styles } : {}),
  });
}

describe('docx', () => {
  it.each([['2019', 4], ['2021', 5], ['2021', 9]] as const)('template %s, seed %i: every cell exact', async (t, seed) => {
    const s = makeReport(seed, t);
    const r = await parseFile('报告.docx', docx(documentXml(s, false)));
    expect(isFailure(r)).toBe(false);
    const rep = r as ParsedReport;
    expect(rep.input).toBe('docx');
    expect(rep.year).toBe(s.year);
    expect(rep.uncertain).toEqual({});
    expect(rep.cells).toEqual(s.cells);
    expect(rep.sources['apps.new.total'].table).toBe(2);
  });

  it('reads a report whose tables stand inside a frame (a page saved as Word: a layout table around it), headings and tables in order', async () => {
    const s = makeReport(9, '2021');
    // (表三's 法律服务机构 column printed blank: flattened into one cell's text, its blanks would be lost.)
    const xml = documentXml(s, true);
    const body = xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('</w:body>'));
    const framed = xml.replace(body, `<w:tbl><w:tr>${tc('首页 > 政府信息公开 > 年报')}<w:tc><w:tcPr/>${body}</w:tc></w:tr></w:tbl>${p('主办单位：某某人民政府办公室')}`);
    const r = (await parseFile('报告.docx', docx(framed))) as ParsedReport;
    expect(isFailure(r)).toBe(false);
    expect(r.uncertain).toEqual({});
    for (const [k, v] of Object.entries(s.cells)) expect(r.cells[k], k).toBe(/^apps\..*\.legal$/.test(k) ? null : v);
    expect(r.sources['apps.new.total'].table).toBeGreaterThan(1);
  });

  it('keeps blank cells null, never 0', async () => {
    const s = makeReport(2, '2021');
    const r = (await parseFile('报告.docx', docx(documentXml(s, true)))) as ParsedReport;
    expect(r.cells['apps.new.legal']).toBeNull();
    expect(r.cells['apps.new.natural']).toBe(s.cells['apps.new.natural']);
  });

  it('a figure Word splits over runs is one figure; text formatted hidden (w:vanish) is not read', async () => {
    const s = makeReport(6, '2021');
    const split = 'apps.new.natural';
    const veiled = 'apps.granted.natural';
    const xml = documentXml(s, false)
      .replace(tc(printed(s, 'apps.new.natural')) + tc(printed(s, 'apps.new.commercial')), () => {
        const v = printed(s, split);
        const runs = `<w:p><w:r><w:t>${v.slice(0, 1)}</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>${v.slice(1)}</w:t></w:r></w:p>`;
        return `<w:tc><w:tcPr></w:tcPr>${runs}</w:tc>${tc(printed(s, 'apps.new.commercial'))}`;
      })
      .replace(tc(printed(s, veiled)) + tc(printed(s, 'apps.granted.commercial')), () =>
        `<w:tc><w:tcPr></w:tcPr><w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>${printed(s, veiled)}</w:t></w:r></w:p></w:tc>${tc(printed(s, 'apps.granted.commercial'))}`);
    expect(xml).toContain('<w:vanish/></w:rPr><w:t>9</w:t>');
    expect(xml).toContain('w:proofErr');
    expect(String(s.cells[split]).length).toBeGreaterThan(1);
    const r = (await parseFile('报告.docx', docx(xml))) as ParsedReport;
    expect(r.cells[split]).toBe(s.cells[split]);
    expect(r.cells[veiled]).toBe(s.cells[veiled]);
  });

  // Red team (session 26): what Word keeps in a cell besides the figure it shows.
  const STYLES = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="character" w:styleId="Veil"><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Veil2"><w:basedOn w:val="Veil"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Veil"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style></w:styles>`;
  const run = (t: string, props = '') => `<w:r><w:rPr>${props}</w:rPr><w:t>${t}</w:t></w:r>`;
  const inCell = (xml: string, s: Synthetic, key: string, next: string, runs: (v: string) => string) =>
    xml.replace(tc(printed(s, key)) + tc(printed(s, next)), () => `<w:tc><w:tcPr></w:tcPr><w:p>${runs(printed(s, key))}</w:p></w:tc>${tc(printed(s, next))}`);

  it.each([
    ['a tracked move: the text moved away (w:moveFrom) is not read', (v: string) => `<w:moveFrom w:id="1">${run('97')}</w:moveFrom><w:moveTo w:id="2">${run(v)}</w:moveTo>`],
    ['formatting a tracked change recorded as before (w:rPrChange with w:vanish) hides nothing', (v: string) => run(v, '<w:rPrChange w:id="3"><w:rPr><w:vanish/></w:rPr></w:rPrChange>')],
    ['an alternative written twice (mc:AlternateContent) is read once', (v: string) => `<mc:AlternateContent><mc:Choice Requires="wps">${run(v)}</mc:Choice><mc:Fallback>${run(v)}</mc:Fallback></mc:AlternateContent>`],
    ['a run hidden by its character style (and a style based on it) is not read; a style that shows it again is', (v: string) => `${run('8', '<w:rStyle w:val="Veil"/>')}${run('7', '<w:rStyle w:val="Veil2"/>')}${run(v, '<w:rStyle w:val="Shown"/>')}`],
  ])('%s', async (_what, runs) => {
    const s = makeReport(6, '2021');
    const key = 'apps.granted.natural';
    const r = (await parseFile('报告.docx', docx(inCell(documentXml(s, false), s, key, 'apps.granted.commercial', runs), STYLES))) as ParsedReport;
    expect(r.cells[key]).toBe(s.cells[key]);
    expect(r.cells).toEqual(s.cells);
  });

  it.each([
    ['a digit set with a symbol font (w:sym)', (v: string) => `<w:r><w:sym w:font="Symbol" w:char="F031"/></w:r>${run(v)}`],
    ['a digit in white beside the figure', (v: string) => `${run('6', '<w:color w:val="FFFFFF"/>')}${run(v)}`],
  ])('%s is flagged, never read as part of the figure', async (_what, runs) => {
    const s = makeReport(6, '2021');
    const key = 'apps.granted.natural';
    const r = (await parseFile('报告.docx', docx(inCell(documentXml(s, false), s, key, 'apps.granted.commercial', runs), STYLES))) as ParsedReport;
    expect(r.cells[key]).toBeNull();
    expect(r.uncertain[key]).toBeTruthy();
  });

  it('a minus sign Word keeps from breaking (w:noBreakHyphen) is read: 本年增/减 −23', async () => {
    const s = makeReport(4, '2019');
    const key = Object.keys(s.cells).find((k) => k.endsWith('.change') && (s.cells[k] as number) > 0)!;
    const next = Object.keys(s.cells)[Object.keys(s.cells).indexOf(key) + 1];
    const xml = documentXml(s, false);
    const edited = xml.replace(tc(printed(s, key)), `<w:tc><w:tcPr></w:tcPr><w:p><w:r><w:noBreakHyphen/><w:t>${printed(s, key)}</w:t></w:r></w:p></w:tc>`);
    expect(edited).not.toBe(xml);
    expect(next).toBeDefined();
    const r = (await parseFile('报告.docx', docx(edited))) as ParsedReport;
    expect(r.cells[key]).toBe(-(s.cells[key] as number));
  });

  it('reads Word\'s XML as an XML reader does: tracked changes show the accepted figure, a merge inside a nested table stays in it, entities, CDATA and attributes holding > are read', async () => {
    const s = makeReport(4, '2019');
    const key = 'apps.new.natural';
    const want = s.cells[key] as number;
    let xml = documentXml(s, false);
    // 新收's 自然人 cell as revised with changes tracked: the old figure deleted, the new one inserted.
    const cellXml = `<w:t xml:space="preserve">${printed(s, key)}</w:t>`;
    const rowStart = xml.indexOf(cellXml, xml.indexOf('一、本年新收'));
    xml = xml.slice(0, rowStart) + `<w:t xml:space="preserve"></w:t></w:r><w:del w:id="1" w:author="a&gt;b"><w:r><w:delText>${want + 7}</w:delText></w:r></w:del><w:ins w:id="2" w:author="x > y"><w:r><w:t>&#${String(want).charCodeAt(0)};${String(want).slice(1)}</w:t>` + xml.slice(rowStart + cellXml.length);
    // The label cell of 新收 holds a small nested table whose first cell spans two columns.
    xml = xml.replace(/(<w:tc><w:tcPr><w:gridSpan w:val="2"\/><\/w:tcPr><w:p><w:r><w:t xml:space="preserve">一、本年新收[^<]*<\/w:t><\/w:r><\/w:p>)/,
      '$1<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>注</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>');
    // 上年结转's 自然人 figure written as CDATA, as XML allows.
    const carried = 'apps.carried_over.natural';
    const carriedXml = `<w:t xml:space="preserve">${printed(s, carried)}</w:t>`;
    const at = xml.indexOf(carriedXml, xml.indexOf('二、上年结转'));
    xml = `${xml.slice(0, at)}<w:t><![CDATA[${printed(s, carried)}]]></w:t>${xml.slice(at + carriedXml.length)}`;
    expect(xml).toContain('<w:delText>');
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    const r = (await parseFile('报告.docx', docx(xml))) as ParsedReport;
    expect(r.uncertain).toEqual({});
    expect(r.cells).toEqual(s.cells);
  });

  it('refuses a damaged Word file and an old binary .doc with advice', async () => {
    const good = docx(documentXml(makeReport(1, '2021'), false));
    const cut = await parseFile('报告.docx', good.subarray(0, good.length - 30));
    expect(isFailure(cut) && cut.error.code).toBe('broken_file');
    const doc = await parseFile('报告.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(isFailure(doc) && doc.error.message).toMatch(/另存为/);
  });
});

/**
 * Deflated zeros, `mb` MB of them, in about mb KB: one MB's sync-flushed blocks end on a byte
 * boundary, so they can be repeated, then an empty final block closes the stream.
 */
function deflatedZeros(mb: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]));
}

describe('docx limits and damage', () => {
  const contentTypes = { name: '[Content_Types].xml', ...(() => {
    const raw = Buffer.from('<Types/>');
    return { deflated: deflateRawSync(raw), size: raw.length, crc: crc(raw) };
  })() };
  const code = async (bytes: Uint8Array) => {
    const r = await parseFile('报告.docx', bytes);
    if (!isFailure(r)) throw new Error('expected a refusal');
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    return r.error;
  };

  it('the zip bomb construction inflates to what it says', () => {
    expect(inflateRawSync(deflatedZeros(3)).length).toBe(3 << 20);
  });

  it('a 1 MB .docx whose text inflates to 1 GB is refused as too large, without inflating it', async () => {
    const bomb = deflatedZeros(1024);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const file = zipRaw([contentTypes, { name: 'word/document.xml', deflated: bomb, size: 1024 * 1024 * 1024, crc: 0 }]);
    const e = await code(file);
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/解压后/);
  });

  it('the same bomb under a header that claims 10 KB is stopped at 10 KB and refused as damaged', async () => {
    const file = zipRaw([{ name: 'word/document.xml', deflated: deflatedZeros(1024), size: 10_000, crc: 0 }]);
    expect((await code(file)).code).toBe('broken_file');
  });

  it('a ZIP64 archive (sizes and offsets in ZIP64 fields) is read', async () => {
    const s = makeReport(6, '2021');
    const file = zip64({ '[Content_Types].xml': '<Types/>', 'word/document.xml': documentXml(s, false) });
    // The layout of APPNOTE 4.3.14–4.5.3; unzip -t and Python's zipfile accept such a file.
    const r = await parseFile('报告.docx', file);
    expect(isFailure(r), JSON.stringify(r).slice(0, 200)).toBe(false);
    expect((r as ParsedReport).cells).toEqual(s.cells);
  });

  it('a wrong CRC-32 is refused as damaged', async () => {
    const s = makeReport(5, '2021');
    const xml = Buffer.from(documentXml(s, false));
    const good = { name: 'word/document.xml', deflated: deflateRawSync(xml), size: xml.length, crc: crc(xml) };
    expect(isFailure(await parseFile('报告.docx', zipRaw([good])))).toBe(false);
    expect((await code(zipRaw([{ ...good, crc: (good.crc ^ 1) >>> 0 }]))).code).toBe('broken_file');
  });

  it('a zip of thousands of entries is refused as too large', async () => {
    const tiny = { deflated: deflateRawSync(Buffer.from('x')), size: 1, crc: crc(Buffer.from('x')) };
    const many = Array.from({ length: 2_500 }, (_, i) => ({ name: `word/media/p${i}.txt`, ...tiny }));
    expect((await code(zipRaw(many))).code).toBe('too_large');
  });
});
