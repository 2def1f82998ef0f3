/** Canonical cell keys of each template and how each key is labelled for people. */
import {
  APP_COLS, APP_COL_LABELS, APP_GROUP_LABELS, APP_ROWS, REVIEW_BLOCKS, REVIEW_BLOCK_LABELS, REVIEW_COLS,
  REVIEW_COL_LABELS, TABLE_SHORT, TEMPLATES, type TableId, type Template,
} from './templates';
import { T2_ROWS } from './table2';

export interface KeyInfo {
  key: string;
  table: TableId;
  /** The printed row label, as the official form words it. */
  row: string;
  /** The printed column label. */
  col: string;
  /** Templates that hold this key. */
  templates: Template[];
  unit: '件' | '项' | '元' | '个';
}

function t2Keys(t: Template): KeyInfo[] {
  return T2_ROWS[t].flatMap((r) =>
    r.cols.map((c) => ({
      key: `t2.${r.stem}.${c.key}`,
      table: 't2' as const,
      row: r.label,
      col: c.label,
      templates: [t],
      unit: c.money ? ('元' as const) : r.stem === 'rules' || r.stem === 'normative' ? ('件' as const) : ('个' as const),
    })),
  );
}

function appKeys(t: Template): KeyInfo[] {
  return APP_ROWS.filter((r) => r.templates.includes(t)).flatMap((r) =>
    APP_COLS.map((c) => ({
      key: `apps.${r.row}.${c}`,
      table: 't3' as const,
      // A numbered sub-row (1.属于国家秘密) is named with its group: （三）不予公开1.属于国家秘密.
      row: APP_GROUP_LABELS[r.group] && !r.label.startsWith('（') ? `${APP_GROUP_LABELS[r.group]}${r.label}` : r.label,
      col: APP_COL_LABELS[c],
      templates: [t],
      unit: '件' as const,
    })),
  );
}

function reviewKeys(t: Template): KeyInfo[] {
  return REVIEW_BLOCKS.flatMap((b) =>
    REVIEW_COLS.map((c) => ({
      key: `${b}.${c}`, table: 't4' as const, row: REVIEW_BLOCK_LABELS[b], col: REVIEW_COL_LABELS[c],
      templates: [t], unit: '件' as const,
    })),
  );
}

function buildKeys(t: Template): KeyInfo[] {
  return [...t2Keys(t), ...appKeys(t), ...reviewKeys(t)];
}

/** Every canonical key of a template, in the order the form prints them. */
// The /* @__PURE__ */ marks let a page that needs none of these tables drop them from its bundle.
export const TEMPLATE_KEYS: Record<Template, readonly string[]> = {
  '2019': /* @__PURE__ */ keyList('2019'),
  '2021': /* @__PURE__ */ keyList('2021'),
};

function keyList(t: Template): string[] {
  return buildKeys(t).map((k) => k.key);
}

/** Every key of any template, with the templates that hold it. */
export const KEY_INFO: ReadonlyMap<string, KeyInfo> = /* @__PURE__ */ (() => {
  const m = new Map<string, KeyInfo>();
  for (const t of TEMPLATES) {
    for (const k of buildKeys(t)) {
      const have = m.get(k.key);
      if (have) have.templates.push(t);
      else m.set(k.key, k);
    }
  }
  return m;
})();

export const ALL_KEYS: readonly string[] = /* @__PURE__ */ Array.from(KEY_INFO.keys());

export function keyInfo(key: string): KeyInfo {
  const k = KEY_INFO.get(key);
  if (!k) throw new Error(`unknown cell key: ${key}`);
  return k;
}

/** 表三 · （七）总计 · 自然人 — how a cell is named to a person. */
export function describeKey(key: string): string {
  const k = keyInfo(key);
  return `${TABLE_SHORT[k.table]} · ${k.row} · ${k.col}`;
}

export { columnKey, keyColumn } from './column';
