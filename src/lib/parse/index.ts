/**
 * Parsing one file into a report: detect the input kind, read it into lines of cells,
 * read identity, tables and narrative, check the consistency rules. Pure TypeScript with no
 * DOM: runs in Node and in a Web Worker.
 */
import {
  KEY_INFO, TABLE_SHORT, TEMPLATE_KEYS, ReportError, templateForYear, type ParseFailure, type ParseOutcome, type ParsedReport,
} from '../format';
import { checkReport } from '../checks/rules';
import { resolveDivision, type DivisionTable } from '../divisions';
import type { ReportDocument } from './document';
import { decodeText, detectKind, utf16Encoding } from './detect';
import { checkFileSize, checkTextLength } from './limits';
import { levelOf, readIdentity } from './identity';
import { readProactiveTotal } from './narrative';
import { readTables } from './tables';
import { fillByOrder } from './order-fill';
import { Budget } from './budget';

/** Steps the reading of 表三/表四 by order may take (about 1 s on a 2-core machine of 2026), then it gives up. */
const ORDER_STEPS = 3_000_000;
import { readMarkdown, readText } from './text';
import { decodeHtml, readHtmlString } from './html';
import { readPdf } from './pdf';
import { readDocx } from './docx';
import { readCsv } from './csv';
import { sameCopies, titleYears } from './twice';
import { dropLabelColumnBlanks } from './label-columns';
import { dropRowNumbers } from './row-numbers';
import { dropRemarkColumn } from './remark-column';

/** The file's content in the common form; a ReportError for what cannot or may not be read (limits.ts). */
export async function readDocument(name: string, bytes: Uint8Array): Promise<ReportDocument> {
  checkFileSize(bytes);
  const kind = detectKind(name, bytes);
  const doc = await readKind(kind, bytes);
  // Columns the form has not (row-numbers.ts, remark-column.ts) go first: on a page a 序号
  // column would pass for the table's first column of figures.
  const lines = dropRemarkColumn(dropRowNumbers(doc.lines));
  // A table's cells in its label columns left empty are layout, not blanks (label-columns.ts).
  return { ...doc, lines: kind === 'docx' || kind === 'html' ? dropLabelColumnBlanks(lines) : lines };
}

async function readKind(kind: ReturnType<typeof detectKind>, bytes: Uint8Array): Promise<ReportDocument> {
  switch (kind) {
    case 'pdf': return readPdf(bytes);
    case 'docx': return readDocx(bytes);
    case 'html': {
      const html = utf16Encoding(bytes) ? decodeText(bytes) : decodeHtml(bytes).text;
      checkTextLength(html, 'html');
      return readHtmlString(html);
    }
    default: {
      const text = decodeText(bytes);
      checkTextLength(text, 'text');
      return kind === 'markdown' ? readMarkdown(text) : kind === 'csv' ? readCsv(text) : readText(text);
    }
  }
}

const OLD_FORMAT = /受理依申请公开信息总数|主动公开文件数|主动公开政府信息数|依申请公开信息目录数|收到申请数/;

export function parseDocument(file: string, doc: ReportDocument, divisions?: DivisionTable): ParsedReport {
  const id = readIdentity(doc.text, doc.title);
  if (id.year === null && !id.yearConflict) {
    // Saved pages are often named for their report (…2020年度报告.html) when the page itself is only the tables.
    const y = /(?<!\d)(20[12]\d)(?!\d)/.exec(file.replace(/^.*[\\/]/, ''));
    if (y) { id.year = Number(y[1]); id.template ??= templateForYear(id.year); }
  }
  // (Words a narrow page wraps, 年度报 / 告, are words all the same.)
  const flat = doc.text.replace(/\s+/g, '');
  const isReport = /信息公开/.test(flat) && /(年度报告|年报|工作报告)/.test(flat);
  if (id.year !== null && id.year <= 2018) {
    throw new ReportError('too_old', `这是 ${id.year} 年度的报告，使用的是 2019 年以前的旧统计表，与 2019、2021 年版格式不可比较，因此不予导入。请导入 2019 年及以后年度的报告。`);
  }
  if (id.year === null && !id.tableTemplate && OLD_FORMAT.test(doc.text)) {
    throw new ReportError('too_old', '这份报告使用的是 2019 年以前的旧统计表，与 2019、2021 年版格式不可比较，因此不予导入。');
  }
  if (!isReport && !id.tableTemplate) {
    throw new ReportError('not_a_report', '这份文件看起来不是政府信息公开工作年度报告（没有找到报告标题和统计表）。请确认文件内容。');
  }
  const template = id.template ?? id.tableTemplate;
  if (!template) {
    throw new ReportError('no_tables', '没有找到报告年度，也没有找到标准统计表，无法判断使用哪一版格式。请确认这是 2019 年及以后的年度报告全文。');
  }
  const tables = readTables(doc.lines, template, {
    endsInCell: doc.endsInCell, byHeight: doc.kind === 'pdf', extracted: doc.kind === 'text' || doc.kind === 'markdown' || doc.kind === 'pdf',
  });
  // Labels that left 表三 in doubt: its figures' order alone may still read it (order.ts).
  fillByOrder(tables, doc.lines, doc.endsInCell === true, template, new Budget(ORDER_STEPS), doc.paged === true);
  const years = tables.twice.length ? titleYears(doc.text) : [];
  if (years.length > 1) {
    throw new ReportError('two_reports', `这份文件里有不止一份年报（${years.join('、')} 年度），它们的统计表前后相连，无法分开。请把每份年报存成单独的文件，再分别导入。`);
  }
  // (A table printed again the same line for line, as an appendix: either copy reads as the other.)
  tables.twice = tables.twice.filter((t) => !sameCopies(doc.lines, t));
  for (const t of tables.twice) {
    // A table printed twice explains every other doubt about its cells: its reason stands.
    for (const k of TEMPLATE_KEYS[template].filter((key) => KEY_INFO.get(key)?.table === t)) {
      tables.cells[k] = null;
      tables.uncertain[k] = `${TABLE_SHORT[t]}在文件中印了不止一次，无法确定哪一份属于这份报告，请核对原表`;
    }
  }
  if (tables.missing.length + tables.unread.length === 3) {
    throw new ReportError('no_tables', '报告中没有找到任何一张标准统计表（主动公开、依申请公开、行政复议诉讼）。文件可能不完整，或表格是图片。');
  }
  const division = divisions && id.unit ? resolveDivision({ unit: id.unit, text: doc.text.slice(0, 4000) }, divisions) : null;
  const notes: string[] = [...tables.orderNotes];
  const missingNames = { t2: '表二（主动公开）', t3: '表三（依申请公开）', t4: '表四（行政复议、行政诉讼）' };
  if (tables.missing.length) notes.push(`报告不完整：没有找到${tables.missing.map((t) => missingNames[t]).join('、')}，这些数字按未报告处理。`);
  if (tables.unread.length) notes.push(`报告印有${tables.unread.map((t) => missingNames[t]).join('、')}的标题，但没有读出表中的数字（排版无法识别）：这些格已标为存疑，不按未报告处理。请核对原表。`);
  if (id.yearConflict) notes.push(`标题写的是 ${id.yearConflict[0]} 年度，统计期限却从 ${id.yearConflict[1]} 年 1 月 1 日起：无法确定报告年度，请核对原文后手动填写。`);
  else if (id.year === null) notes.push('没有找到报告年度，请手动填写。');
  if (template === '2021' && tables.singleOther) notes.push('表三按 2019 年版只印了一行“（六）其他处理”，其三个子项按未报告处理。');
  const report: ParsedReport = {
    file,
    unit: id.unit,
    division: { name: division?.name ?? null, code: division?.code ?? null },
    level: levelOf(id.unit, division?.code ?? null),
    year: id.year,
    template,
    // readTables gives every key of the template, in its order.
    cells: tables.cells,
    uncertain: tables.uncertain,
    findings: [],
    proactive_total: readProactiveTotal(doc.text),
    sources: tables.sources,
    missing: tables.missing,
    notes,
    input: doc.kind,
  };
  report.findings = checkReport(report);
  return report;
}

export async function parseFile(file: string, bytes: Uint8Array, divisions?: DivisionTable): Promise<ParseOutcome> {
  try {
    // A Node Buffer is a Uint8Array that pdf.js refuses: read it through a plain view, no copy.
    const plain = Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const doc = await readDocument(file, plain);
    return parseDocument(file, doc, divisions);
  } catch (e) {
    return failureOf(file, e);
  }
}

/**
 * Any error met reading or parsing `file`, worded for the user (a ReportError keeps its own words).
 * Each reader turns what its library finds wrong with a file into a ReportError; anything else is
 * a fault of the program's own, which the user is not told to blame on the file.
 */
export function failureOf(file: string, e: unknown): ParseFailure {
  if (e instanceof ReportError) return { file, error: { code: e.code, message: e.message } };
  const msg = e instanceof Error ? e.message : String(e);
  return { file, error: { code: 'internal_error', message: `读取这份文件时程序自身出了错（${msg}）：这是本工具的问题，不是文件的问题。这份报告没有导入，已有的数据不受影响；请把文件和这段提示反馈给我们。` } };
}
