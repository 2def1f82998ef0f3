/**
 * The workspace as one file to carry to another machine: JSON with a format name, a format
 * version and a SHA-256 checksum of the entries. Reading a file either yields every entry
 * exactly as exported, or a Chinese reason and nothing at all.
 */
import type { WorkspaceEntry } from './model';

export const FILE_FORMAT = 'gongkai-workspace';
export const FILE_VERSION = 1;

export interface WorkspaceFile {
  format: typeof FILE_FORMAT;
  version: number;
  exported: string;
  /** `sha256:` and the hex digest of JSON.stringify(entries). */
  checksum: string;
  entries: WorkspaceEntry[];
}

export class WorkspaceFileError extends Error {}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function exportWorkspace(entries: readonly WorkspaceEntry[], exported = new Date().toISOString()): Promise<string> {
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  const checksum = `sha256:${await sha256(JSON.stringify(sorted))}`;
  const file: WorkspaceFile = { format: FILE_FORMAT, version: FILE_VERSION, exported, checksum, entries: sorted };
  return JSON.stringify(file);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function looksLikeEntry(e: unknown): e is WorkspaceEntry {
  if (!isObject(e) || typeof e.id !== 'string' || !/^user-/.test(e.id) || typeof e.version !== 'number') return false;
  if (!Array.isArray(e.corrections) || !isObject(e.identity) || !isObject(e.source) || !Array.isArray(e.source.lines)) return false;
  const p = e.parsed;
  return isObject(p) && isObject(p.cells) && isObject(p.uncertain) && isObject(p.sources) && isObject(p.division) && Array.isArray(p.findings);
}

/** Read a workspace file; throws WorkspaceFileError with a Chinese message for the user. */
export async function readWorkspaceFile(text: string): Promise<WorkspaceEntry[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new WorkspaceFileError('这个文件不是有效的工作区文件（内容不是完整的 JSON，可能已损坏或被截断）。当前工作区没有任何改动。');
  }
  if (!isObject(data) || data.format !== FILE_FORMAT) {
    throw new WorkspaceFileError('这个文件不是公开年报看板导出的工作区文件。当前工作区没有任何改动。');
  }
  if (data.version !== FILE_VERSION) {
    throw new WorkspaceFileError(`工作区文件的格式版本为 ${String(data.version)}，本页面只能读取第 ${FILE_VERSION} 版。请用导出该文件的版本打开，或更新本页面。当前工作区没有任何改动。`);
  }
  if (!Array.isArray(data.entries) || typeof data.checksum !== 'string') {
    throw new WorkspaceFileError('工作区文件缺少报告列表或校验和，可能已损坏。当前工作区没有任何改动。');
  }
  const actual = `sha256:${await sha256(JSON.stringify(data.entries))}`;
  if (actual !== data.checksum) {
    throw new WorkspaceFileError('工作区文件的校验和不符：文件在导出后被修改或已损坏。当前工作区没有任何改动。');
  }
  if (!data.entries.every(looksLikeEntry)) {
    throw new WorkspaceFileError('工作区文件中有无法识别的报告记录。当前工作区没有任何改动。');
  }
  return data.entries;
}
