/** Messages between the import page and its parsing worker. */
import type { ParseOutcome } from '../format';
import type { SourceText } from '../workspace/model';

export type ToWorker =
  | { type: 'init'; cMapUrl: string; divisionsUrl: string }
  | { type: 'parse'; id: number; file: File };

export type FromWorker =
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; outcome: ParseOutcome; source: SourceText | null };
