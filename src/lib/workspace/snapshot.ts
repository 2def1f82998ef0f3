/**
 * The workspace's current reports as Arrow IPC rows of `reports`, `cells` and `findings`,
 * built with the data build's own row functions. Built in the import worker, so the Arrow
 * writer stays out of the pages' JS.
 */
import { cellRows, findingRows } from '../dataset/rows';
import { toArrowIPC } from '../dataset/arrow';
import { withSearchKeys } from '../dataset/search-keys';
import { CELL_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS } from '../dataset/schema';
import { currentEntries, entryReport, entryRow, type WorkspaceEntry } from './model';
import type { Snapshot } from './idb';

export function snapshotOf(entries: readonly WorkspaceEntry[]): Snapshot {
  const current = currentEntries(entries);
  return {
    // The worker computes the pinyin of imported titles, as the data build does for shipped ones.
    reports: toArrowIPC(current.map((e) => withSearchKeys(entryRow(e))), REPORT_COLUMNS),
    cells: toArrowIPC(current.flatMap((e) => cellRows(e.id, entryReport(e)).map((r) => ({ ...r }))), CELL_COLUMNS),
    findings: toArrowIPC(current.flatMap((e) => findingRows(e.id, entryReport(e).findings).map((r) => ({ ...r }))), FINDING_COLUMNS),
    count: current.length,
  };
}
