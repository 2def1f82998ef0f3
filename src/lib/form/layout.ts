/**
 * The three tables of one report laid out as the official form prints them, from the
 * canonical keys of src/lib/format: which rows, which columns, which headings. The unit
 * profile and the import review both draw the form from this.
 */
import {
  APP_COLS, APP_COL_LABELS, APP_GROUP_LABELS, APP_ROWS, REVIEW_BLOCKS, REVIEW_BLOCK_LABELS, REVIEW_COLS, REVIEW_COL_LABELS,
  T2_ROWS, type Template,
} from '../format';

export interface FormRow {
  label: string;
  /** 0 a top-level row, 1 under a group heading. */
  depth: number;
  /** A heading row prints no numbers. */
  heading: boolean;
  /** Cell keys in column order; empty for a heading. */
  keys: string[];
}

export interface T2Line {
  item: string;
  label: string;
  cols: { key: string; label: string; money: boolean }[];
}

export function t2Layout(t: Template): T2Line[] {
  return T2_ROWS[t].map((r) => ({
    item: r.item,
    label: r.label,
    cols: r.cols.map((c) => ({ key: `t2.${r.stem}.${c.key}`, label: c.label, money: Boolean(c.money) })),
  }));
}

export const T3_COLUMNS = APP_COLS.map((c) => ({ col: c, label: APP_COL_LABELS[c] }));

/** 表三's rows with the form's group headings: 三、本年度办理结果, （三）不予公开 and so on. */
export function t3Layout(t: Template): FormRow[] {
  const out: FormRow[] = [];
  const heading = (label: string, depth: number) => out.push({ label, depth, heading: true, keys: [] });
  let group = '';
  for (const r of APP_ROWS.filter((x) => x.templates.includes(t))) {
    if (r.row === 'granted') heading('三、本年度办理结果', 0);
    const sub = !r.label.startsWith('（') && r.group !== 'intake' && r.group !== 'carried_forward';
    if (sub && r.group !== group) {
      // （六）其他处理 is a row with numbers of its own in both templates; the other groups are headings.
      if (r.group !== 'other') heading(APP_GROUP_LABELS[r.group], 1);
    }
    group = r.group;
    const depth = r.group === 'intake' || r.group === 'carried_forward' ? 0 : sub ? 2 : 1;
    out.push({ label: r.label, depth, heading: false, keys: APP_COLS.map((c) => `apps.${r.row}.${c}`) });
  }
  return out;
}

export const T4_BLOCKS = REVIEW_BLOCKS.map((b) => ({ block: b, label: REVIEW_BLOCK_LABELS[b] }));
export const T4_COLUMNS = REVIEW_COLS.map((c) => ({ col: c, label: REVIEW_COL_LABELS[c] }));
export function t4Keys(block: string): string[] {
  return REVIEW_COLS.map((c) => `${block}.${c}`);
}
