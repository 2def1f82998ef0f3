/** Messages between the import page and its parsing worker. */
import type { ParseOutcome } from '../format';
import type { SourceText, WorkspaceEntry } from '../workspace/model';
import type { Snapshot } from '../workspace/idb';

export type ToWorker =
  | { type: 'init'; cMapUrl: string; divisionsUrl: string }
  | { type: 'parse'; id: number; file: File }
  | { type: 'snapshot'; id: number; entries: WorkspaceEntry[] };

export type FromWorker =
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; outcome: ParseOutcome; source: SourceText | null }
  | { type: 'snapshot'; id: number; snapshot: Snapshot | null; error?: string };
