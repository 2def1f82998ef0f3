/** Word reports: paragraphs and tables of word/document.xml, merged cells, blanks kept null. */
import { describe, expect, it } from 'vitest';
import { isFailure, type ParsedReport } from '../../src/lib/format';
import { parseFile } from '../../src/lib/parse';
import { makeReport, printed, printedRows, heading, type Synthetic } from '../support/synthetic';
import { zip } from '../support/zip';

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

function docx(xml: string): Uint8Array {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': xml,
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

  it('keeps blank cells null, never 0', async () => {
    const s = makeReport(2, '2021');
    const r = (await parseFile('报告.docx', docx(documentXml(s, true)))) as ParsedReport;
    expect(r.cells['apps.new.legal']).toBeNull();
    expect(r.cells['apps.new.natural']).toBe(s.cells['apps.new.natural']);
  });

  it('refuses a damaged Word file and an old binary .doc with advice', async () => {
    const good = docx(documentXml(makeReport(1, '2021'), false));
    const cut = await parseFile('报告.docx', good.subarray(0, good.length - 30));
    expect(isFailure(cut) && cut.error.code).toBe('broken_file');
    const doc = await parseFile('报告.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(isFailure(doc) && doc.error.message).toMatch(/另存为/);
  });
});
