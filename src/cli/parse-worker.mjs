// The worker thread's entry: TypeScript is compiled on the fly, as for bin/gongkai.js.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
