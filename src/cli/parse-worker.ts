/** A worker thread of `gongkai build`: parses the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { parseFile } from '../lib/parse';
import { loadDivisions } from '../lib/divisions/load';

const divisions = loadDivisions();
parentPort!.on('message', async (job: { path: string; name: string }) => {
  let outcome;
  try {
    outcome = await parseFile(job.name, new Uint8Array(readFileSync(job.path)), divisions);
  } catch (err) {
    outcome = { file: job.name, error: { code: 'broken_file', message: `读取“${job.name}”时出错：${err instanceof Error ? err.message : String(err)}` } };
  }
  parentPort!.postMessage(outcome);
});
