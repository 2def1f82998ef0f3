/** A fixed set of worker threads parsing files; results come back in any order. */
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from '../lib/format';

export interface Job {
  path: string;
  /** The name the report is known by (relative to its input directory). */
  name: string;
  /**
   * Where the worker writes the outcome as JSON (written whole or not at all), instead of
   * sending it back: the main thread then neither copies nor serializes it, and `done` gets null.
   */
  out?: string;
}

/**
 * Jobs sent ahead to each worker: with one at a time a worker sat idle for every round trip
 * through the main thread (the pool parsed text slower on two threads than on one).
 */
const AHEAD = 2;

export async function parseAll(jobs: readonly Job[], threads: number, done: (job: Job, outcome: ParseOutcome | null) => void): Promise<void> {
  let next = 0;
  // Workers do not inherit the TypeScript loader the CLI runs under: the .mjs entry registers it.
  const url = new URL('./parse-worker.mjs', import.meta.url);
  const run = (worker: Worker) => new Promise<void>((resolve, reject) => {
    // The worker answers its jobs in the order it was sent them.
    const sent: Job[] = [];
    const feed = () => {
      while (sent.length < AHEAD && next < jobs.length) {
        const job = jobs[next++];
        sent.push(job);
        worker.postMessage(job);
      }
      if (sent.length === 0) void worker.terminate().then(() => resolve());
    };
    worker.on('message', (outcome: ParseOutcome | null) => {
      done(sent.shift()!, outcome);
      feed();
    });
    worker.once('error', reject);
    feed();
  });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => run(new Worker(url))));
}
