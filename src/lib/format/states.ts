/**
 * The four ways a figure can be missing, in the words every view, export and print page uses.
 * This is the only place they are written: a second spelling would let 未报告 mean two things.
 */
export type EmptyState = 'no_report' | 'blank' | 'absent' | 'zero_base';

export const STATE_WORDS: Record<EmptyState, string> = {
  no_report: '无此年报',
  blank: '未填报',
  absent: '表格无此项',
  zero_base: '无法计算（0 件）',
};

/** One sentence each, for the legend note under a chart and the 说明 sheet of exports. */
export const STATE_NOTES: Record<EmptyState, string> = {
  no_report: '数据集中没有该单位该年度的年报。',
  blank: '年报有这一格，但没有填写数字（不按 0 计）。',
  absent: '该年度使用的表格模板没有这一项。',
  zero_base: '比率的分母为 0，比率无法计算。',
};

export const STATES = Object.keys(STATE_WORDS) as EmptyState[];

/** The words of a state, or '' for a figure that is there. */
export function stateWord(s: EmptyState | null | undefined): string {
  return s ? STATE_WORDS[s] : '';
}

/** 无此年报：数据集中没有…… — one line per state, for notes and sheets. */
export function stateLines(only: readonly EmptyState[] = STATES): string[] {
  return only.map((s) => `${STATE_WORDS[s]}：${STATE_NOTES[s]}`);
}
