/** One file of an import batch, from picked to accepted or refused. */
import type { ParsedReport } from '../format';
import type { SourceText } from '../workspace/model';

export type ItemStatus = 'queued' | 'parsing' | 'parsed' | 'failed' | 'accepted' | 'discarded';

export interface BatchItem {
  id: number;
  name: string;
  size: number;
  status: ItemStatus;
  /** The parser's Chinese message when the file is refused. */
  message?: string;
  parsed?: ParsedReport;
  source?: SourceText | null;
}

export const STATUS_LABELS: Record<ItemStatus, string> = {
  queued: '等待解析',
  parsing: '正在解析……',
  parsed: '待核对',
  failed: '无法导入',
  accepted: '已存入工作区',
  discarded: '已放弃',
};

export function sizeLabel(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}
