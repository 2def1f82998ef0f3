/**
 * The consistency rules a document's reading is checked by, with the lookups the reader needs
 * (each rule's cells, the rules over each cell). They are the same for every report of a form
 * variant, so they are built once per variant: rebuilt per document they took a third of the
 * time spent reading tables.
 */
import { OTHER_SUB_ROWS, type Template } from '../format';
import { equations, type Equation, type Getter } from '../checks/equations';

export interface Rules {
  eqs: readonly Equation[];
  /** Each rule's cells (same order as `eqs`), 2021's （六）其他处理 expanded to its printed rows. */
  keys: readonly (readonly string[])[];
  /** The rules over each printed cell, as indices into `eqs`. */
  of: ReadonlyMap<string, readonly number[]>;
  /** Supplies cells no row prints (2021's （六）其他处理 as the sum of its three rows). */
  derive: (get: Getter) => Getter;
}

const OTHER = 'apps.other.';
const cache = new Map<string, Rules>();

/** The rules of a template; `singleOther`: a 2021 report printing （六）其他处理 as one row. */
export function rulesFor(template: Template, singleOther: boolean): Rules {
  const id = `${template}:${singleOther}`;
  let r = cache.get(id);
  if (!r) { r = build(equations(template, { singleOther }), template === '2021' && !singleOther); cache.set(id, r); }
  return r;
}

/** The same cells and derivations with no rule to check them by (表二 has none). */
export function withoutRules(r: Rules): Rules {
  return { ...r, eqs: [], keys: [], of: new Map() };
}

function build(eqs: readonly Equation[], subRows: boolean): Rules {
  // The printed rows of each （六）其他处理 cell, spelled once (derive runs in the solver's inner loop).
  const subKeys = new Map<string, string[]>();
  // The printed cells a key stands for.
  const expand = (k: string) => {
    if (!subRows || !k.startsWith(OTHER)) return [k];
    let ks = subKeys.get(k);
    if (!ks) { ks = OTHER_SUB_ROWS.map((r) => `apps.${r}.${k.slice(OTHER.length)}`); subKeys.set(k, ks); }
    return ks;
  };
  const derive = (get: Getter): Getter => (k) => {
    if (!subRows || !k.startsWith(OTHER)) return get(k);
    let s = 0;
    for (const sub of expand(k)) { const v = get(sub); if (v == null) return null; s += v; }
    return s;
  };
  const keys = eqs.map((e) => [e.total, ...e.parts, ...(e.minus ?? [])].flatMap(expand));
  const of = new Map<string, number[]>();
  keys.forEach((ks, i) => { for (const k of ks) { const l = of.get(k); if (l) l.push(i); else of.set(k, [i]); } });
  return { eqs, keys, of, derive };
}
