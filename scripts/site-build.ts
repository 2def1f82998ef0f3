/**
 * Is the built site older than what it is built from, and build it if so. `npm start` serves
 * build/ (the shipped site); the browser tests serve build-test/ (the same site with test hooks,
 * see vite.config.ts). Either is rebuilt when a source, the dataset or the build config is newer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type SiteKind = 'shipped' | 'test';
export const SITE_DIR: Record<SiteKind, string> = { shipped: 'build', test: 'build-test' };

/** Written after a successful build, dated when it began, naming the dataset it was built from. */
const STAMP = '.built-at';

const DATA_DIR = resolve(process.env.GONGKAI_DATA ?? 'data');
// The build steps' own scripts too: they write the answers and the charts drawn into the pages.
const INPUTS = [DATA_DIR, 'src', 'static', 'vite.config.ts', 'svelte.config.js', 'package-lock.json',
  ...['first-chart.ts', 'first-chart-drill.ts', 'static-page.ts', 'prerender-answers.ts', 'arrow-answer.ts', 'csp.js', 'precompress.js'].map((f) => `scripts/${f}`)];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** Why the site in `kind`'s folder cannot be used as is, or null when it is up to date. */
export function staleReason(kind: SiteKind): string | null {
  return staleSite(SITE_DIR[kind], DATA_DIR, INPUTS);
}

/** Why the built site in `dir` is not the one `dataDir` and `inputs` give, or null. */
export function staleSite(dir: string, dataDir: string, inputs: readonly string[]): string | null {
  const stamp = join(dir, STAMP);
  if (!existsSync(join(dir, 'index.html')) || !existsSync(stamp)) return `${dir}/ is missing`;
  // A site built from another dataset (GONGKAI_DATA) is not this one's, however new.
  const from = /^data: (.*)$/m.exec(readFileSync(stamp, 'utf8'))?.[1];
  if (from !== resolve(dataDir)) return `${dir}/ was built from ${from ?? 'an unrecorded dataset'}, not ${resolve(dataDir)}`;
  const built = statSync(stamp).mtimeMs;
  const newer = inputs.filter((p) => newest(p) > built);
  return newer.length ? `${dir}/ is older than ${newer.join(', ')}` : null;
}

export function stampText(started: Date, dataDir: string): string {
  return `${started.toISOString()}\ndata: ${resolve(dataDir)}\n`;
}

/** `vite build` for `kind`; throws when the build fails (a change that does not compile). */
export function buildSite(kind: SiteKind): void {
  const env = { ...process.env, GONGKAI_TEST_HOOKS: kind === 'test' ? '1' : '' };
  const started = new Date();
  const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`vite build (${SITE_DIR[kind]}/) failed with status ${r.status}`);
  // Dated when the build began: a source saved while it ran is newer, so the next check rebuilds.
  const stamp = join(SITE_DIR[kind], STAMP);
  writeFileSync(stamp, stampText(started, DATA_DIR));
  utimesSync(stamp, started, started);
}

/** Builds the site when it is missing or stale; returns whether it built. */
export function ensureSite(kind: SiteKind): boolean {
  const why = staleReason(kind);
  if (!why) return false;
  console.log(`构建看板 (vite build → ${SITE_DIR[kind]}/): ${why}`);
  buildSite(kind);
  return true;
}
