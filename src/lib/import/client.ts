/**
 * The page's side of the parsing worker: files go in, per-file progress and outcomes come
 * out. The worker is created on the first file and kept for the page's life.
 */
import { asset } from '$app/paths';
import divisionsUrl from '../../../data/divisions.json?url';
import type { ParseOutcome } from '../format';
import type { SourceText, WorkspaceEntry } from '../workspace/model';
import type { Snapshot } from '../workspace/idb';
import type { FromWorker, ToWorker } from './protocol';

export interface Parsed {
  outcome: ParseOutcome;
  source: SourceText | null;
}

export interface ParseCallbacks {
  started(id: number): void;
  done(id: number, result: Parsed): void;
  /** The worker died (out of memory on a huge file…): files not yet finished are lost. */
  crashed(): void;
}

/** Where the build serves pdfjs-dist/cmaps/ (see the vite plugin), as an absolute URL. */
function cMapUrl(): string {
  return new URL(asset('/pdfjs/cmaps/' as Parameters<typeof asset>[0]), location.href).href;
}

export class ParseClient {
  #worker: Worker | null = null;
  readonly #cb: ParseCallbacks;
  readonly #pending = new Map<number, { resolve: (s: Snapshot) => void; reject: (e: Error) => void }>();
  #ticket = 0;

  constructor(cb: ParseCallbacks) {
    this.#cb = cb;
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      // pdfjs's worker code, loaded into this worker, announces itself on the same port.
      if (m?.type === 'started') this.#cb.started(m.id);
      else if (m?.type === 'done') this.#cb.done(m.id, { outcome: m.outcome, source: m.source });
      else if (m?.type === 'snapshot') {
        const p = this.#pending.get(m.id);
        this.#pending.delete(m.id);
        if (m.snapshot) p?.resolve(m.snapshot);
        else p?.reject(new Error(`工作区数据整理失败：${m.error ?? '未知原因'}`));
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      for (const p of this.#pending.values()) p.reject(new Error('解析程序意外停止'));
      this.#pending.clear();
      w.terminate();
      this.#worker = null;
      this.#cb.crashed();
    };
    const init: ToWorker = { type: 'init', cMapUrl: cMapUrl(), divisionsUrl: new URL(divisionsUrl, location.href).href };
    w.postMessage(init);
    this.#worker = w;
    return w;
  }

  parse(id: number, file: File): void {
    const m: ToWorker = { type: 'parse', id, file };
    this.#start().postMessage(m);
  }

  /** The Arrow rows of the workspace's current versions, built in the worker. */
  snapshot(entries: WorkspaceEntry[]): Promise<Snapshot> {
    const id = ++this.#ticket;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const m: ToWorker = { type: 'snapshot', id, entries };
      this.#start().postMessage(m);
    });
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
