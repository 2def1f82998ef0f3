/** A worker thread of `gongkai build`: parses the files it is sent, one at a time, in the order sent. */
import { parentPort, threadId } from 'node:worker_threads';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseFile } from '../lib/parse';
import { loadDivisions } from '../lib/divisions/load';
import type { ParseOutcome } from '../lib/format';
import type { Job } from './pool';

const divisions = loadDivisions();

async function parseJob(job: Job): Promise<void> {
  let outcome: ParseOutcome;
  try {
    outcome = await parseFile(job.name, new Uint8Array(readFileSync(job.path)), divisions);
  } catch (err) {
    outcome = { file: job.name, error: { code: 'broken_file', message: `读取“${job.name}”时出错：${err instanceof Error ? err.message : String(err)}` } };
  }
  if (!job.out) { parentPort!.postMessage(outcome); return; }
  // Written beside and renamed: a build interrupted mid-write leaves no half file that a
  // resumed build would take for a finished one.
  const part = `${job.out}.${process.pid}-${threadId}.part`;
  writeFileSync(part, JSON.stringify(outcome));
  renameSync(part, job.out);
  parentPort!.postMessage(null);
}

// Jobs arrive ahead of time (pool.ts): each waits for the one before it.
let last: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  last = last.then(() => parseJob(job));
});
