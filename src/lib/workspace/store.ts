/**
 * The workspace as the import page changes it. Each change writes the entries and the Arrow
 * snapshot of the current versions in one IndexedDB transaction, then tells DuckDB to
 * reload the user's rows, so every view sees the change.
 */
import { mergeEntries, type WorkspaceEntry } from './model';
import { readAll, readOne, write, SNAPSHOT_KEY, type Change, type Snapshot } from './idb';
import { readWorkspaceFile } from './file';

/** Builds the Arrow rows of the current versions (the import worker does; see snapshot.ts). */
export type SnapshotMaker = (entries: WorkspaceEntry[]) => Promise<Snapshot>;

let makeSnapshot: SnapshotMaker | null = null;

export function useSnapshotMaker(m: SnapshotMaker): void {
  makeSnapshot = m;
}

export function loadEntries(): Promise<WorkspaceEntry[]> {
  return readAll<WorkspaceEntry>('entries');
}

async function commit(entries: readonly WorkspaceEntry[], change: Change): Promise<void> {
  if (!makeSnapshot) throw new Error('工作区尚未就绪');
  const put = [...(change.put ?? [])];
  if (entries.length) put.push({ store: 'meta', value: await makeSnapshot(plain([...entries])), key: SNAPSHOT_KEY });
  const del = [...(change.del ?? [])];
  if (!entries.length) del.push({ store: 'meta', key: SNAPSHOT_KEY });
  await write({ ...change, put, del });
  const { refreshWorkspace } = await import('../data/service');
  await refreshWorkspace();
}

/** Save one entry (new or changed); `all` is the workspace after the change. */
export function saveEntry(all: readonly WorkspaceEntry[], e: WorkspaceEntry): Promise<void> {
  return commit(all, { put: [{ store: 'entries', value: plain(e) }] });
}

/**
 * What the last delete or clear removed, kept in the workspace's own database so that undo
 * still works after a reload or a browser restart, until the next delete replaces it.
 */
export interface Trash {
  label: string;
  entries: WorkspaceEntry[];
  at: string;
}

const TRASH_KEY = 'trash';

function trashPut(label: string, gone: readonly WorkspaceEntry[]) {
  const t: Trash = { label, entries: plain([...gone]), at: new Date().toISOString() };
  return { store: 'meta' as const, value: t, key: TRASH_KEY };
}

export function readTrash(): Promise<Trash | undefined> {
  return readOne<Trash>('meta', TRASH_KEY);
}

export function deleteEntry(all: readonly WorkspaceEntry[], id: string, gone: readonly WorkspaceEntry[], label: string): Promise<void> {
  return commit(all, { del: [{ store: 'entries', key: id }], put: [trashPut(label, gone)] });
}

export function clearWorkspace(gone: readonly WorkspaceEntry[], label: string): Promise<void> {
  return commit([], { clear: ['entries'], put: [trashPut(label, gone)] });
}

/** Puts the removed entries back and empties the trash, in one transaction. */
export function restoreTrash(all: readonly WorkspaceEntry[], back: readonly WorkspaceEntry[]): Promise<void> {
  return commit(all, {
    put: back.map((e) => ({ store: 'entries' as const, value: plain(e) })),
    del: [{ store: 'meta', key: TRASH_KEY }],
  });
}

/** Read a workspace file and add its entries; on any problem nothing is written. */
export async function importWorkspace(existing: readonly WorkspaceEntry[], text: string): Promise<{ entries: WorkspaceEntry[]; added: number; skipped: number }> {
  const incoming = await readWorkspaceFile(text);
  const merged = mergeEntries(existing, incoming);
  const fresh = merged.entries.filter((e) => !existing.includes(e));
  await commit(merged.entries, { put: fresh.map((e) => ({ store: 'entries' as const, value: plain(e) })) });
  return merged;
}

/** IndexedDB clones with the structured-clone algorithm, which refuses Svelte's state proxies. */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
