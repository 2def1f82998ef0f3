/** A worker thread of `gongkai build`: parses the files it is sent, one at a time, in the order sent. */
import { parentPort, threadId } from 'node:worker_threads';
import { renameSync, writeFileSync } from 'node:fs';
import { failureOf, parseFile } from '../lib/parse';
import { loadDivisions } from '../lib/divisions/load';
import type { ParseOutcome } from '../lib/format';
import type { Job } from './pool';
import { readBytes } from './read-bytes';

const divisions = loadDivisions();

async function outcomeOf(job: Job): Promise<ParseOutcome> {
  const bytes = readBytes(job.path, job.name, true);
  if (!(bytes instanceof Uint8Array)) return bytes;
  // An error escaping parseFile is ours, never the file's.
  return parseFile(job.name, bytes, divisions).catch((err: unknown) => failureOf(job.name, err));
}

async function parseJob(job: Job): Promise<void> {
  const outcome = await outcomeOf(job);
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
