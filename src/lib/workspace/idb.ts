/**
 * A small IndexedDB wrapper: one database, an `entries` store (one accepted report each) and
 * a `meta` store holding the Arrow snapshot every view loads. Each write is one transaction
 * that has committed when the promise resolves, so a closed tab keeps what was accepted.
 * Loaded by every page whose browser holds a workspace (see data/service.ts).
 */
import { WORKSPACE_DB as DB_NAME } from './name';

const ENTRIES = 'entries';
const META = 'meta';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(ENTRIES, { keyPath: 'id' });
      req.result.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(`浏览器本地存储（IndexedDB）无法打开：${req.error?.message ?? '未知原因'}`));
  });
  opening.catch(() => (opening = null));
  return opening;
}

function done<T>(tx: IDBTransaction, result: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(result());
    tx.onerror = tx.onabort = () => reject(new Error(`浏览器本地存储写入失败：${tx.error?.message ?? '未知原因'}`));
  });
}

export type Store = typeof ENTRIES | typeof META;

/** Read every value of a store. */
export async function readAll<T>(store: Store): Promise<T[]> {
  const tx = (await open()).transaction(store, 'readonly');
  const req = tx.objectStore(store).getAll();
  return done(tx, () => req.result as T[]);
}

export async function readOne<T>(store: Store, key: string): Promise<T | undefined> {
  const tx = (await open()).transaction(store, 'readonly');
  const req = tx.objectStore(store).get(key);
  return done(tx, () => req.result as T | undefined);
}

/** Puts and deletes across both stores, all or nothing. */
export interface Change {
  put?: { store: Store; value: unknown; key?: string }[];
  del?: { store: Store; key: string }[];
  clear?: Store[];
}

export async function write(change: Change): Promise<void> {
  const tx = (await open()).transaction([ENTRIES, META], 'readwrite');
  for (const s of change.clear ?? []) tx.objectStore(s).clear();
  for (const d of change.del ?? []) tx.objectStore(d.store).delete(d.key);
  for (const p of change.put ?? []) {
    if (p.key !== undefined) tx.objectStore(p.store).put(p.value, p.key);
    else tx.objectStore(p.store).put(p.value);
  }
  return done(tx, () => undefined);
}

/** The Arrow IPC rows of the workspace's current reports, as the views load them. */
export interface Snapshot {
  reports: Uint8Array;
  cells: Uint8Array;
  findings: Uint8Array;
  count: number;
}

export const SNAPSHOT_KEY = 'snapshot';

export function readSnapshot(): Promise<Snapshot | undefined> {
  return readOne<Snapshot>(META, SNAPSHOT_KEY);
}
