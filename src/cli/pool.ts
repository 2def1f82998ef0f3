/** A fixed set of worker threads, each parsing one file at a time; results come back in any order. */
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from '../lib/format';

export interface Job {
  path: string;
  /** The name the report is known by (relative to its input directory). */
  name: string;
}

export async function parseAll(jobs: readonly Job[], threads: number, done: (job: Job, outcome: ParseOutcome) => void): Promise<void> {
  const queue = [...jobs];
  // Workers do not inherit the TypeScript loader the CLI runs under: the .mjs entry registers it.
  const url = new URL('./parse-worker.mjs', import.meta.url);
  const spawn = () => new Worker(url);
  const run = (worker: Worker) => new Promise<void>((resolve, reject) => {
    const next = () => {
      const job = queue.shift();
      if (!job) { void worker.terminate().then(() => resolve()); return; }
      worker.once('message', (outcome: ParseOutcome) => { done(job, outcome); next(); });
      worker.postMessage(job);
    };
    worker.once('error', reject);
    next();
  });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => run(spawn())));
}
