/**
 * Random figures for one synthetic report that keep the form's sums, the blanks it prints,
 * and how each cell is spelled. Written from the spec (../shared/spec/report-format.md).
 */
import { APPLICANT_COLS, REVIEW_KEYS, T2_FORM, t3Form, type Form } from './synthetic-forms';

export function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export type BlankPolicy = 'none' | 'columns' | 'zeros';

export interface Truth {
  form: Form;
  year: number;
  /** The answer: what each cell holds (null = printed blank). */
  cells: Record<string, number | null>;
  /** Cells whose printed text differs from String(value) (money in 万元). */
  text: Record<string, string>;
  /** Cells printed with an impossible value: only a flag is right. */
  mustFlag: Set<string>;
}

const RESULTS = ['granted', 'partial', 'denied_state_secret', 'denied_law_prohibited', 'denied_security',
  'denied_third_party', 'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query',
  'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear', 'rejected_petition',
  'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirmation'];

export function makeTruth(r: () => number, form: Form, opts: { year?: number; big?: boolean; blanks?: BlankPolicy; sixDecimals?: boolean; possible?: boolean } = {}): Truth {
  const cells: Record<string, number | null> = {};
  const text: Record<string, string> = {};
  const scale = opts.big ? 30000 : 400;
  const count = (max: number) => (r() < 0.45 ? 0 : 1 + Math.floor(r() * max));
  for (const row of T2_FORM[form]) {
    for (const k of row.keys) {
      if (k.endsWith('.change')) cells[k] = Math.floor(r() * 61) - 30;
      else if (k === 't2.procurement.amount_yuan') cells[k] = Math.floor(r() * 9_000_000);
      else if (k === 't2.fees.amount_yuan') {
        // 万元 as printed: two decimals, or six (to the 元 and 分).
        const cents = opts.sixDecimals ? Math.floor(r() * 9e9) : Math.floor(r() * 9e5) * 10000;
        const digits = String(cents).padStart(7, '0');
        const wan = `${digits.slice(0, -6)}.${digits.slice(-6)}`;
        text[k] = opts.sixDecimals ? wan : wan.slice(0, -4);
        cells[k] = cents / 100;
      } else cells[k] = count(k.startsWith('t2.licensing') || k.startsWith('t2.punishment') ? scale * 10 : 40);
    }
  }
  // As real reports print them: no fewer published in all than this year, no more items
  // removed than there were, no fewer documents in force than issued this year.
  if (opts.possible) {
    for (const [stem, at, than] of [['rules', 'total_published', 'new_published'], ['normative', 'total_published', 'new_published'], ['rules', 'in_force', 'issued'], ['normative', 'in_force', 'issued']]) {
      const k = `t2.${stem}.${at}`, o = `t2.${stem}.${than}`;
      if (k in cells && o in cells) cells[k] = Math.max(cells[k] as number, cells[o] as number);
    }
    for (const k of Object.keys(cells).filter((x) => x.endsWith('.prev_items'))) cells[k] = Math.max(cells[k] as number, -(cells[k.replace('prev_items', 'change')] ?? 0));
  }
  const singleOther = form === '2019';
  const others = singleOther ? ['other'] : ['other_no_correction', 'other_no_fee', 'other_misc'];
  const blankCols = opts.blanks === 'columns' ? APPLICANT_COLS.slice(2, 6).filter(() => r() < 0.6) : [];
  for (const c of APPLICANT_COLS.slice(0, 6)) {
    const live = !blankCols.includes(c);
    const people = c === 'natural' || c === 'commercial';
    const v = (max: number) => (!live ? 0 : people ? count(max) : r() < 0.85 ? 0 : count(3));
    let handled = 0;
    for (const row of [...RESULTS, ...others]) {
      const x = v(row === 'granted' ? scale : 12);
      cells[`apps.${row}.${c}`] = x;
      handled += x;
    }
    const over = v(8);
    const forward = v(8);
    cells[`apps.total.${c}`] = handled;
    cells[`apps.carried_over.${c}`] = over;
    cells[`apps.carried_forward.${c}`] = forward;
    cells[`apps.new.${c}`] = handled + forward - over;
    if (handled + forward - over < 0) { cells[`apps.carried_over.${c}`] = 0; cells[`apps.new.${c}`] = handled + forward; }
  }
  for (const row of t3Form(form)) {
    const stem = row.keys[0].split('.')[1];
    cells[`apps.${stem}.total`] = APPLICANT_COLS.slice(0, 6).reduce((s, c) => s + (cells[`apps.${stem}.${c}`] as number), 0);
  }
  if (!singleOther) {
    for (const c of APPLICANT_COLS) cells[`apps.other.${c}`] = others.reduce((s, o) => s + (cells[`apps.${o}.${c}`] as number), 0);
  }
  for (let b = 0; b < 3; b++) {
    const keys = REVIEW_KEYS.slice(b * 5, b * 5 + 5);
    let t = 0;
    for (const k of keys.slice(0, 4)) { const x = count(6); cells[k] = x; t += x; }
    cells[keys[4]] = t;
  }
  // Blanks: whole applicant columns a body never had, or zeros left empty.
  for (const c of blankCols) for (const k of Object.keys(cells)) if (k.startsWith('apps.') && k.endsWith(`.${c}`)) cells[k] = null;
  if (opts.blanks === 'zeros') {
    for (const k of Object.keys(cells)) {
      const resultCell = /^apps\.(granted|partial|denied_|unavailable_|rejected_|other$)/.test(k.replace(/\.[a-z_]+$/, '')) && !k.endsWith('.total');
      const t2Count = k.startsWith('t2.') && !k.endsWith('_yuan');
      if (cells[k] === 0 && (resultCell || t2Count) && !(k.startsWith('apps.other.') && !singleOther) && r() < 0.4) cells[k] = null;
    }
  }
  const year = opts.year ?? (form === '2021' ? 2021 + Math.floor(r() * 5) : 2019 + Math.floor(r() * 2));
  return { form, year, cells, text, mustFlag: new Set() };
}

export const BLANK_MARKS = ['/', '—', '-', '无', '／', '－'];

/** How a cell is printed; `blank` spells an empty cell. */
export function spell(t: Truth, key: string, blank: string): string {
  const v = t.cells[key];
  if (t.text[key] !== undefined) return t.text[key];
  return v === null ? blank : String(v);
}

/** Printed with thousands separators or full-width digits, as number spellings vary. */
export function respell(s: string, r: () => number): string {
  if (!/^\d{4,}$/.test(s)) return s;
  const style = Math.floor(r() * 4);
  if (style === 0) return s;
  if (style === 3) return [...s].map((d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10)).join('');
  const sep = style === 1 ? ',' : '，';
  return s.replace(/\B(?=(\d{3})+$)/g, sep);
}

export interface Score { exact: number; flagged: number; wrong: string[]; refused: boolean }

/** exact: value equal and not flagged; wrong: a value, or null, given without a flag that differs from the answer. */
export function scoreAgainst(t: Truth, got: { cells: Record<string, number | null>; uncertain: Record<string, string>; missing: string[] } | null): Score {
  const s: Score = { exact: 0, flagged: 0, wrong: [], refused: got === null };
  const table = (k: string) => (k.startsWith('t2.') ? 't2' : k.startsWith('apps.') ? 't3' : 't4');
  for (const [k, want] of Object.entries(t.cells)) {
    if (!got) { s.flagged++; continue; }
    const v = got.cells[k] ?? null;
    // A table the report says it could not find counts as flagged: the user is told.
    if (k in got.uncertain || got.missing.includes(table(k))) s.flagged++;
    else if (t.mustFlag.has(k)) s.wrong.push(`${k}: 印的数不可能，应标记，读为 ${v}`);
    else if (v === want) s.exact++;
    else s.wrong.push(`${k}: 应为 ${want}，读为 ${v}`);
  }
  return s;
}
