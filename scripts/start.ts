/**
 * `npm start`: build the site if build/ is missing or older than the dataset or the sources,
 * then serve it. PORT and HOST pick where (default 127.0.0.1:4173).
 */
import { ensureSite } from './site-build';
import { serveStatic } from './static-server';

try {
  ensureSite('shipped');
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const server = await serveStatic('build', Number(process.env.PORT ?? 4173), process.env.HOST ?? '127.0.0.1');
console.log(`公开年报看板: ${server.url}  (Ctrl+C 退出)`);
