/**
 * A synthetic report as a Word document laid out as offices lay theirs out: tables with fixed
 * column widths (a narrow label column, narrow figure columns), 表三's and 表四's header rows
 * merged across and down. Printed to PDF by LibreOffice (`libreofficePdfs`), it is a second
 * PDF maker beside Chromium, with Word's own ways of wrapping labels and figures in their cells.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heading, printed, printedRows, type Synthetic } from './synthetic';
import { zip } from './zip';
import { T2_FORM } from './synthetic-forms';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
const cell = (s: string, twips: number, props = '') => `<w:tc><w:tcPr><w:tcW w:w="${twips}" w:type="dxa"/>${props}</w:tcPr>${s.split('\n').map(para).join('')}</w:tc>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const merge = (restart: boolean) => `<w:vMerge${restart ? ' w:val="restart"' : ''}/>`;
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4"/>`).join('');

function table(cols: number[], rows: string): string {
  const width = cols.reduce((a, b) => a + b, 0);
  return `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`
    + `<w:tblGrid>${cols.map((c) => `<w:gridCol w:w="${c}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`;
}

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const ORGS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

/** Column widths in twips: 表二's and 表三's figure columns (760), 表三's group column (700), 表四's (560). */
export interface WordWidths { t2?: number; t3?: number; group?: number; t4?: number }

/** word/document.xml of the report; a key for which `blank` holds prints `mark` instead of its figure. */
export function wordDocumentXml(s: Synthetic, blank: (key: string) => boolean, mark: string, widths: WordWidths = {}): string {
  const rows = printedRows(s);
  const FIG = widths.t3 ?? 760;
  const T2 = widths.t2 ?? FIG;
  const fig = (k: string, w = FIG) => cell(blank(k) ? mark : printed(s, k), w);
  // 表二 as the form sets it: each item of 第二十条 a heading across, its column heads, its rows;
  // a row of fewer figures than three spans its last cell over the rest.
  const spread = (texts: string[], put: (t: string, w: number, props: string) => string) => texts.map((t, i) => {
    const rest = i === texts.length - 1 ? 3 - texts.length : 0;
    return put(t, T2 * (1 + rest), rest ? span(1 + rest) : '');
  }).join('');
  const t2 = T2_FORM[s.template].map((x) => (x.heading ? `<w:tr>${cell(x.heading, 3000 + T2 * 3, span(4))}</w:tr>`
    + `<w:tr>${cell('信息内容', 3000)}${spread(x.heads!, (t, w, props) => cell(t, w, props))}</w:tr>` : '')
    + `<w:tr>${cell(x.labels[0], 3000)}${spread(x.keys, (k, w, props) => cell(blank(k) ? mark : printed(s, k), w, props))}</w:tr>`).join('');
  const GROUP = widths.group ?? 700;
  const LABEL = 2200;
  const t3head = `<w:tr>${cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', GROUP + LABEL, span(2) + merge(true))}${cell('申请人情况', FIG * 7, span(7))}</w:tr>`
    + `<w:tr>${cell('', GROUP + LABEL, span(2) + merge(false))}${cell('自然人', FIG, merge(true))}${cell('法人或其他组织', FIG * 5, span(5))}${cell('总计', FIG, merge(true))}</w:tr>`
    + `<w:tr>${cell('', GROUP + LABEL, span(2) + merge(false))}${cell('', FIG, merge(false))}${ORGS.map((x) => cell(x, FIG)).join('')}${cell('', FIG, merge(false))}</w:tr>`;
  const t3 = rows.filter((r) => r.table === 't3').map((r, i) => {
    const group = i < 2 ? '' : cell(i === 2 ? '三、本年度办理结果' : '', GROUP, merge(i === 2));
    return `<w:tr>${group}${cell(r.label, i < 2 ? GROUP + LABEL : LABEL, i < 2 ? span(2) : '')}${r.keys.map((k) => fig(k)).join('')}</w:tr>`;
  }).join('');
  const T4 = widths.t4 ?? 560;
  const t4head = `<w:tr>${cell('行政复议', T4 * 5, span(5))}${cell('行政诉讼', T4 * 10, span(10))}</w:tr>`
    + `<w:tr>${RESULTS.map((x) => cell(x, T4, merge(true))).join('')}${cell('未经复议直接起诉', T4 * 5, span(5))}${cell('复议后起诉', T4 * 5, span(5))}</w:tr>`
    + `<w:tr>${RESULTS.map(() => cell('', T4, merge(false))).join('')}${[...RESULTS, ...RESULTS].map((x) => cell(x, T4)).join('')}</w:tr>`;
  const t4 = `<w:tr>${rows.find((r) => r.table === 't4')!.keys.map((k) => fig(k, T4)).join('')}</w:tr>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    + heading(s).split('\n').map(para).join('') + table([3000, T2, T2, T2], t2)
    + para('三、收到和处理政府信息公开申请情况') + table([GROUP, LABEL, ...Array(7).fill(FIG)], t3head + t3)
    + para('四、政府信息公开行政复议、行政诉讼情况') + table(Array(15).fill(T4), t4head + t4)
    + para('五、存在的主要问题及改进情况') + para('一是公开的内容不全面。')
    + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1000" w:bottom="1440" w:left="1000"/></w:sectPr></w:body></w:document>';
}

export function wordDocx(xml: string): Uint8Array {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': xml,
  });
}

/**
 * Prints the documents to PDF with LibreOffice Writer (headless, Debian `libreoffice-writer-nogui`)
 * in one run and returns the PDFs' paths, in the order given. Its own profile in `dir`, so
 * parallel runs do not fight over one.
 */
export function libreofficePdfs(dir: string, docs: Uint8Array[]): string[] {
  const files = docs.map((d, i) => {
    const f = join(dir, `r${i}.docx`);
    writeFileSync(f, d);
    return f;
  });
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 300_000 });
  return files.map((f) => f.replace(/\.docx$/, '.pdf'));
}
