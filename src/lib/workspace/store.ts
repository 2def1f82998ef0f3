/**
 * The workspace as the import page changes it. Each change writes the entries and the Arrow
 * snapshot of the current versions in one IndexedDB transaction, then tells DuckDB to
 * reload the user's rows, so every view sees the change.
 */
import { mergeEntries, type WorkspaceEntry } from './model';
import { readAll, write, SNAPSHOT_KEY, type Change, type Snapshot } from './idb';
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

export function deleteEntry(all: readonly WorkspaceEntry[], id: string): Promise<void> {
  return commit(all, { del: [{ store: 'entries', key: id }] });
}

export function clearWorkspace(): Promise<void> {
  return commit([], { clear: ['entries'] });
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
