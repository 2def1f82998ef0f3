/**
 * The parsing worker of the import page: files are read and parsed here, one at a time, so
 * the page stays responsive. The division table (730 KB) is fetched on the first file only.
 */
/// <reference lib="webworker" />
import type { ParseOutcome } from '../format';
import type { DivisionTable } from '../divisions';
import type { ReportDocument } from '../parse/document';
import { failureOf, parseDocument, readDocument } from '../parse';
import { setPdfAssets } from '../parse/pdf/pdfjs';
import type { SourceLine, SourceText } from '../workspace/model';
import { snapshotOf } from '../workspace/snapshot';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let divisionsUrl = '';
let divisions: Promise<DivisionTable | undefined> | null = null;
let queue: Promise<void> = Promise.resolve();

function loadDivisions(): Promise<DivisionTable | undefined> {
  divisions ??= fetch(divisionsUrl)
    .then((r) => (r.ok ? (r.json() as Promise<DivisionTable>) : undefined))
    // Without the table the report is still read; the user fills in the division.
    .catch(() => undefined);
  return divisions;
}

/** The document's lines as text, for showing a cell's surroundings. */
function sourceLines(doc: ReportDocument): SourceLine[] {
  return doc.lines.map((l) => {
    const t = l.tokens[0] ?? { text: '' };
    const text = l.tokens.map((x) => x.text || '□').join(l.cellular ? ' │ ' : ' ');
    return { page: t.page, line: t.line, table: t.table, row: t.row, text };
  });
}

async function parse(name: string, bytes: Uint8Array): Promise<{ outcome: ParseOutcome; source: SourceText | null }> {
  const table = await loadDivisions();
  try {
    const doc = await readDocument(name, bytes);
    const report = parseDocument(name, doc, table);
    return { outcome: report, source: { name, kind: doc.kind, lines: sourceLines(doc) } };
  } catch (e) {
    // Worded as the CLI words it; the file is not read a second time to find the words.
    return { outcome: failureOf(name, e), source: null };
  }
}

function post(m: FromWorker): void {
  scope.postMessage(m);
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'init') {
    setPdfAssets({ cMapUrl: m.cMapUrl });
    divisionsUrl = m.divisionsUrl;
    return;
  }
  if (m.type === 'snapshot') {
    // Not queued behind parsing: the user is waiting for 接受 to finish.
    try {
      const snapshot = snapshotOf(m.entries);
      scope.postMessage({ type: 'snapshot', id: m.id, snapshot } satisfies FromWorker,
        [snapshot.reports.buffer, snapshot.cells.buffer, snapshot.findings.buffer] as ArrayBuffer[]);
    } catch (err) {
      post({ type: 'snapshot', id: m.id, snapshot: null, error: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  queue = queue.then(async () => {
    post({ type: 'started', id: m.id });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await m.file.arrayBuffer());
    } catch {
      // The browser could not hand over the file's bytes: it was moved, deleted or changed
      // since it was picked. The file may be fine; nothing of it was read.
      const message = '无法读取这个文件：它可能在选择之后被移动、删除或修改了。请确认文件还在原处，再重新导入；已导入的数据不受影响。';
      post({ type: 'done', id: m.id, outcome: { file: m.file.name, error: { code: 'unreadable', message } }, source: null });
      return;
    }
    post({ type: 'done', id: m.id, ...(await parse(m.file.name, bytes)) });
  });
};
