/**
 * `npm start`: build the site if build/ is missing or older than the dataset or the sources,
 * then serve it. PORT and HOST pick where (default 127.0.0.1:4173).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from './static-server';
import { precompress } from './precompress';

const DATA_DIR = resolve(process.env.GONGKAI_DATA ?? 'data');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
if (built < Math.max(newest(DATA_DIR), newest('src'), newest('static'))) {
  console.log('构建看板 (vite build)…');
  const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Compressed once here rather than on every request: the wasm alone is 34 MB, 7 MB as brotli.
const packed = precompress('build');
if (packed.files) console.log(`预压缩 ${packed.files} 个文件：${(packed.bytes / 1048576).toFixed(1)} MB → ${(packed.br / 1048576).toFixed(1)} MB（brotli）`);

const server = await serveStatic('build', Number(process.env.PORT ?? 4173), process.env.HOST ?? '127.0.0.1');
console.log(`公开年报看板: ${server.url}  (Ctrl+C 退出)`);
