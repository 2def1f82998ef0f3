/**
 * 表二 rearranged, of our own design: a readable report's 表二 (f1c, each row `label figures…` on
 * one line) printed with its figures before or after their labels, split over lines, zeros run
 * together, a row's first figure on its label's line, a blank printed as nothing, a page number
 * among the figures, two rows swapped, a figure that is no cell (a year, 共 2 页, 5项) among a
 * row's header lines while the row lacks one. For tests/parse/t2-labels.test.ts.
 */
import { FAMILIES } from './synthetic-families';
import { T2_FORM } from './synthetic-forms';

const family = FAMILIES.find((f) => f.id === 'f1c')!;

export interface T2Row { head: string[]; label: string; figs: string[]; keys: string[] }

/** A readable report cut around its 表二, whose rows print `label figures…` on one line. */
export function source(seed: number) {
  const d = family.make(seed);
  const lines = d.text.split('\n');
  const open = lines.findIndex((l) => l.startsWith('二、'));
  const close = lines.findIndex((l) => l.startsWith('三、'));
  const rows: T2Row[] = [];
  let head: string[] = [];
  for (const l of lines.slice(open + 1, close)) {
    const [first, ...rest] = l.split(' ');
    const form = T2_FORM[d.truth.form].find((r) => r.labels.includes(first));
    if (form && rest.length) { rows.push({ head, label: first, figs: rest, keys: form.keys }); head = []; } else head.push(l);
  }
  if (rows.length !== T2_FORM[d.truth.form].length) throw new Error(`seed ${seed}: 表二 rows not found`);
  const render = (body: string[]) => [...lines.slice(0, open + 1), ...body, ...lines.slice(close)].join('\n');
  return { truth: d.truth.cells, rows, render };
}

type R = () => number;

/** Figures over one or more lines, a 0 sometimes run into the figure after it. */
function spread(r: R, figs: string[]): string[] {
  const out: string[] = [];
  let line = '';
  figs.forEach((f, i) => {
    if (i > 0 && r() < 0.4) { out.push(line); line = f; return; }
    line += i === 0 ? f : (figs[i - 1] === '0' && /^\d+$/.test(f) && r() < 0.5 ? '' : ' ') + f;
  });
  return [...out, line];
}

export const T2_MODES = ['before', 'after', 'mixed', 'rotated', 'blankNothing', 'pageNumber', 'swap', 'strayBlank', 'runTogether'] as const;
/** Figures that are no cell, printed among a row's header lines or figures (the red team's finds). */
const STRAYS = ['2023 年度', '（2023）', '5项', '共 2 页', '第二十条第（5）项', '（单位：件） 5', '2023'];
export type T2Mode = (typeof T2_MODES)[number];

export function arrange(mode: T2Mode, rows: T2Row[], r: R): string[] {
  const rs = rows.map((x) => ({ ...x, figs: [...x.figs] }));
  if (mode === 'blankNothing' || mode === 'pageNumber') {
    const x = rs[Math.floor(r() * rs.length)];
    x.figs.splice(Math.floor(r() * x.figs.length), 1);
  }
  if (mode === 'strayBlank' || mode === 'runTogether') {
    // One row loses a figure (a blank printed as nothing, or two figures run together with no 0
    // in front); a figure that is no cell stands among its header lines or just before its figures.
    const x = rs.filter((y) => y.figs.length > 1)[Math.floor(r() * rs.filter((y) => y.figs.length > 1).length)];
    const at = Math.floor(r() * (x.figs.length - 1));
    if (mode === 'strayBlank' || x.figs[at + 1] === '0' || /[.-]/.test(x.figs[at] + x.figs[at + 1])) x.figs.splice(at, 1);
    else x.figs.splice(at, 2, `${x.figs[at]}${x.figs[at + 1]}`);
    x.head.splice(Math.floor(r() * (x.head.length + 1)), 0, STRAYS[Math.floor(r() * STRAYS.length)]);
  }
  if (mode === 'swap') {
    const i = Math.floor(r() * (rs.length - 1));
    [rs[i], rs[i + 1]] = [rs[i + 1], rs[i]];
  }
  const rotate = mode === 'rotated' ? Math.floor(r() * rs.length) : -1;
  const body = rs.flatMap((x, i) => {
    const before = mode === 'after' ? false : mode === 'mixed' ? r() < 0.5 : true;
    if (i === rotate && x.figs.length > 1) return [...x.head, ...spread(r, x.figs.slice(1)), `${x.label} ${x.figs[0]}`];
    if (!x.figs.length) return [...x.head, x.label];
    return before ? [...x.head, ...spread(r, x.figs), x.label] : [...x.head, x.label, ...spread(r, x.figs)];
  });
  if (mode === 'pageNumber') body.splice(1 + Math.floor(r() * (body.length - 1)), 0, String(1 + Math.floor(r() * 9)));
  return body;
}

