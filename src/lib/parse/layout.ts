/** The rows each table prints, per template, as the table reader expects them. */
import {
  APP_COLS, APP_ROWS, REVIEW_BLOCKS, REVIEW_COLS, T2_ROWS, type TableId, type Template,
} from '../format';
import { ITEM_NUMBER } from './naming';

export interface RowSpec {
  id: string;
  keys: string[];
  /** Substrings of the printed label that name this row. */
  cues: string[];
  /**
   * 表三's rows: the form's label, and its first words after the item number (a wrapped label's
   * tail lacks them). 表二's short row names have neither: the half-row checks that read them
   * (naming.ts) take such a row's label as whole.
   */
  label?: string;
  head?: string;
  /** A group heading that may print no numbers. */
  optional?: boolean;
  money?: ('yuan' | 'wan' | undefined)[];
  /** The last cell is the row's 总计 (a column extractors sometimes emit out of order). */
  lastIsTotal?: boolean;
}

export interface TableLayout {
  table: TableId;
  variant: string;
  rows: RowSpec[];
}

function t2(template: Template): TableLayout {
  return {
    table: 't2', variant: template,
    rows: T2_ROWS[template].map((r) => ({
      id: r.stem,
      keys: r.cols.map((c) => `t2.${r.stem}.${c.key}`),
      cues: [r.label, ...r.aliases],
      money: r.cols.map((c) => c.money),
    })),
  };
}

export const LEADING_ITEM = new RegExp(`^(?:${ITEM_NUMBER})`);
const headOf = (label: string) => label.replace(LEADING_ITEM, '').slice(0, 2);

/** 3.其他 is named only by its number: 其他 alone is also a column heading. */
const MISC_CUES = ['3.其他', '3、其他'];

/** 2021 prints （六）其他处理 as three sub-rows, but some reports print the 2019 single row. */
function t3(template: Template, singleOther: boolean): TableLayout {
  const rows = APP_ROWS.filter((r) => r.templates.includes(template))
    .filter((r) => !(singleOther && r.row.startsWith('other_')))
    .filter((r) => !(template === '2021' && !singleOther && r.row === 'other'))
    .map((r) => ({ id: r.row, keys: APP_COLS.map((c) => `apps.${r.row}.${c}`), cues: r.row === 'other_misc' ? MISC_CUES : r.cues, label: r.label, head: headOf(r.label), lastIsTotal: true }));
  return { table: 't3', variant: singleOther ? 'single-other' : 'sub-rows', rows };
}

/** 表四 prints its fifteen cells as one row under a three-level heading. */
function t4(): TableLayout {
  return {
    table: 't4', variant: 'one-row',
    rows: [{ id: 'review', keys: REVIEW_BLOCKS.flatMap((b) => REVIEW_COLS.map((c) => `${b}.${c}`)), cues: [] }],
  };
}

/**
 * 表四 printed a block a row (行政复议 / 行政诉讼·未经复议直接起诉 / 行政诉讼·复议后起诉, each with
 * its five figures beside its name), as some reports and converters lay it out: each row named.
 */
function t4Blocks(): TableLayout {
  const cues: Record<(typeof REVIEW_BLOCKS)[number], string[]> = { review: ['行政复议'], suit_direct: ['未经复议直接起诉', '直接起诉'], suit_after_review: ['复议后起诉'] };
  return {
    table: 't4', variant: 'block-rows',
    rows: REVIEW_BLOCKS.map((b) => ({ id: b, keys: REVIEW_COLS.map((c) => `${b}.${c}`), cues: cues[b] })),
  };
}

const cache = new Map<Template, Record<TableId, TableLayout[]>>();

export function layouts(template: Template): Record<TableId, TableLayout[]> {
  let l = cache.get(template);
  if (!l) { l = buildLayouts(template); cache.set(template, l); }
  return l;
}

function buildLayouts(template: Template): Record<TableId, TableLayout[]> {
  return {
    t2: [t2(template)],
    t3: template === '2021' ? [t3(template, false), t3(template, true)] : [t3(template, true)],
    t4: [t4(), t4Blocks()],
  };
}
