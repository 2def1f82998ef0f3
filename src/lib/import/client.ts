/**
 * The page's side of the parsing worker: files go in, per-file progress and outcomes come
 * out. The worker is created on the first file and kept for the page's life.
 */
import { asset } from '$app/paths';
import divisionsUrl from '../../../data/divisions.json?url';
import type { ParseOutcome } from '../format';
import type { SourceText } from '../workspace/model';
import type { FromWorker, ToWorker } from './protocol';

export interface Parsed {
  outcome: ParseOutcome;
  source: SourceText | null;
}

export interface ParseCallbacks {
  started(id: number): void;
  done(id: number, result: Parsed): void;
}

/** Where the build serves pdfjs-dist/cmaps/ (see the vite plugin), as an absolute URL. */
function cMapUrl(): string {
  return new URL(asset('/pdfjs/cmaps/' as Parameters<typeof asset>[0]), location.href).href;
}

export class ParseClient {
  #worker: Worker | null = null;
  readonly #cb: ParseCallbacks;

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

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
