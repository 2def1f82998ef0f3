/**
 * The consistency rules (勾稽关系) of one report as equations: sum(parts) = total. The checker
 * reports the equations a report breaks; the digit-run splitter uses the same equations to
 * decide how run-together digits divide into cells.
 */
import { APP_COLS, APP_ROWS, OTHER_SUB_ROWS, REVIEW_BLOCKS, type TableId, type Template } from '../format';

export interface Equation {
  rule: number;
  table: TableId;
  /** Keys summed on the left side. */
  parts: string[];
  /** Keys subtracted on the left side (rule 1 moves two terms across). */
  minus?: string[];
  /** The printed cell the sum must equal. */
  total: string;
}

const RESULT_ROWS_2019 = APP_ROWS.filter((r) =>
  !['intake', 'total', 'carried_forward'].includes(r.group) && r.templates.includes('2019')).map((r) => r.row);

function appRows(t: Template): string[] {
  return APP_ROWS.filter((r) => r.templates.includes(t)).map((r) => r.row);
}

const cache = new Map<string, readonly Equation[]>();

/** The equations of a template (cached: they are the same for every report; buildEquations is the uncached builder). */
export function equations(template: Template, opts: { singleOther?: boolean } = {}): readonly Equation[] {
  const id = `${template}:${opts.singleOther === true}`;
  let eqs = cache.get(id);
  if (!eqs) { eqs = buildEquations(template, opts.singleOther === true); cache.set(id, eqs); }
  return eqs;
}

export function buildEquations(template: Template, singleOther: boolean): Equation[] {
  const opts = { singleOther };
  const eqs: Equation[] = [];
  const cols = APP_COLS;
  for (const c of cols) {
    // Rule 1 written as new + carried_over − carried_forward = total.
    eqs.push({ rule: 1, table: 't3', parts: [`apps.new.${c}`, `apps.carried_over.${c}`], minus: [`apps.carried_forward.${c}`], total: `apps.total.${c}` });
    eqs.push({ rule: 2, table: 't3', parts: RESULT_ROWS_2019.map((r) => `apps.${r}.${c}`), total: `apps.total.${c}` });
    if (template === '2021' && !opts.singleOther) {
      eqs.push({ rule: 4, table: 't3', parts: OTHER_SUB_ROWS.map((r) => `apps.${r}.${c}`), total: `apps.other.${c}` });
    }
  }
  for (const r of appRows(template)) {
    if (template === '2021' && r === 'other' && !opts.singleOther) continue; // derived, not printed
    if (template === '2021' && opts.singleOther && r.startsWith('other_')) continue;
    eqs.push({ rule: 3, table: 't3', parts: cols.filter((c) => c !== 'total').map((c) => `apps.${r}.${c}`), total: `apps.${r}.total` });
  }
  for (const b of REVIEW_BLOCKS) {
    eqs.push({ rule: 5, table: 't4', parts: ['upheld', 'corrected', 'other', 'pending'].map((c) => `${b}.${c}`), total: `${b}.total` });
  }
  return eqs;
}

/** Reads one cell's value; null or undefined when it is blank or absent. */
export type Getter = (key: string) => number | null | undefined;

/** The value an equation says its total should have, or null when a term is missing. */
export function expectedTotal(eq: Equation, get: Getter): number | null {
  let sum = 0;
  for (const k of eq.parts) {
    const v = get(k);
    if (v == null) return null;
    sum += v;
  }
  if (eq.minus) for (const k of eq.minus) {
    const v = get(k);
    if (v == null) return null;
    sum -= v;
  }
  return sum;
}
