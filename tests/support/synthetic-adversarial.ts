/**
 * Adversarial layouts of 表三 and 表四 in the manner of pdftotext's default mode (labels printed
 * apart from their figures), written by our red team to break the order reader: rows swapped with
 * their labels, a figure line moved, the first column printed last or first, columns rotated, two
 * first-column runs, sparse tables whose zeros let rows trade places, an extra subtotal row,
 * blanks printed as nothing, column-major blocks, page numbers among the figures, applicant
 * columns permuted, a 2021 form without （六）'s rows, thousands separators, digits glued across
 * rows, 表四's blocks reordered. Each report carries its truth; `note` says what was done.
 */
import { makeTruth, pick, rng, type Truth } from './synthetic-figures';
import { APPLICANT_COLS, APPLICANT_HEAD, REVIEW_KEYS, SECTION, T2_FORM, T4_HEAD_CELLS, t3Form, type Form } from './synthetic-forms';

/** Modes whose every cell must come back exact or flagged. */
export const ADVERSARIAL_MODES = ['sparse', 'single2021', 'swapRows', 'rowOrder', 'colRotate', 'firstColLast', 'twoRuns', 'colMajor', 'dupMissing', 'pageNum', 'blankNothing', 'extraSubtotal', 'glueAcross', 'thousands', 'colPerm', 'other6Row', 'blankGlue', 'moveLine'] as const;
/**
 * 表四's three blocks printed in another order, or each block's total first (`t4`), and a page
 * number after the next heading equal to the sum it would close (`t4page`): every rule still
 * holds, so no reader can tell without positions (README, session 17).
 */
export const KNOWN_WEAK_MODES = ['t4', 't4page'] as const;
export type AdversarialMode = (typeof ADVERSARIAL_MODES)[number] | (typeof KNOWN_WEAK_MODES)[number];


type R = () => number;
interface Row { keys: string[]; label: string; heading?: string; figs: string[] }

function recompute(cells: Record<string, number | null>, form: Form) {
  const rows = t3Form(form).map((r) => r.keys[0].split('.')[1]);
  const others = form === '2019' ? ['other'] : ['other_no_correction', 'other_no_fee', 'other_misc'];
  const results = rows.filter((s) => !['new', 'carried_over', 'total', 'carried_forward'].includes(s));
  for (const c of APPLICANT_COLS.slice(0, 6)) {
    if (cells[`apps.new.${c}`] === null) continue;
    const handled = results.reduce((s, r) => s + (cells[`apps.${r}.${c}`] ?? 0), 0);
    cells[`apps.total.${c}`] = handled;
    const over = cells[`apps.carried_over.${c}`] as number, fwd = cells[`apps.carried_forward.${c}`] as number;
    if (handled + fwd - over < 0) cells[`apps.carried_over.${c}`] = 0;
    cells[`apps.new.${c}`] = handled + fwd - (cells[`apps.carried_over.${c}`] as number);
  }
  for (const s of rows) cells[`apps.${s}.total`] = APPLICANT_COLS.slice(0, 6).reduce((a, c) => a + (cells[`apps.${s}.${c}`] ?? 0), 0);
  if (form === '2021') for (const c of APPLICANT_COLS) cells[`apps.other.${c}`] = others.reduce((a, o) => a + (cells[`apps.${o}.${c}`] as number), 0);
  for (let b = 0; b < 3; b++) {
    const ks = REVIEW_KEYS.slice(b * 5, b * 5 + 5);
    cells[ks[4]] = ks.slice(0, 4).reduce((a, k) => a + (cells[k] ?? 0), 0);
  }
}

/** Make most result cells zero (and some rows equal) so that different readings coincide in sums. */
function sparsify(t: Truth, r: R, p = 0.85) {
  for (const k of Object.keys(t.cells)) {
    if (!k.startsWith('apps.') || /\.(total)$/.test(k) || /^apps\.(total|new)\./.test(k)) continue;
    if (t.cells[k] !== null && r() < p) t.cells[k] = 0;
    else if (t.cells[k] !== null && r() < 0.5) t.cells[k] = 1 + Math.floor(r() * 3);
  }
  for (const k of REVIEW_KEYS) if (!k.endsWith('.total') && r() < 0.6) t.cells[k] = 0;
  recompute(t.cells, t.form);
}

function figureLines(r: R, figs: string[], glue = 0.4, anyGlue = false): string[] {
  const alone = Math.floor(r() * Math.min(5, figs.length + 1));
  const rest = figs.slice(alone).filter((f) => f !== '');
  let joined = '';
  rest.forEach((f, i) => {
    if (i === 0) { joined = f; return; }
    const touch = (anyGlue || rest[i - 1] === '0') && /^\d+$/.test(f) && /^\d+$/.test(rest[i - 1]) && r() < glue;
    joined += (touch ? '' : ' ') + f;
  });
  return [...figs.slice(0, alone).filter((f) => f !== ''), ...(joined ? [joined] : [])];
}

function rowLines(r: R, row: Row, figs = row.figs, o: { anyGlue?: boolean } = {}): string[] {
  const out: string[] = [];
  if (row.heading && r() < 0.6) out.push(row.heading);
  return [...out, ...figureLines(r, figs, 0.4, o.anyGlue), row.label];
}

export interface AdversarialDoc { text: string; truth: Truth; note: string }

export function adversarialReport(mode: AdversarialMode, seed: number): AdversarialDoc {
  const r = rng(seed * 7919 + mode.length * 31 + 17);
  let form: Form = pick<Form>(r, ['2019', '2021']);
  if (mode === 'single2021') form = '2021';
  const big = mode === 'thousands';
  const t = makeTruth(r, form, { big, blanks: 'none' });
  const sparse = ['sparse', 'swapRows', 'colRotate', 'firstColLast', 'twoRuns', 'colMajor', 'dupMissing', 'pageNum', 'extraSubtotal', 't4', 'glueAcross', 'blankNothing', 'rowOrder', 't4page', 'moveLine', 'colPerm', 'other6Row', 'blankGlue'].includes(mode) && r() < 0.6;
  if (sparse) sparsify(t, r, 0.7 + r() * 0.29);
  let note = sparse ? 'sparse ' : '';
  let singleOther = form === '2019';
  if (mode === 'single2021') {
    singleOther = true;
    for (const k of Object.keys(t.cells)) if (/^apps\.other_/.test(k)) delete t.cells[k];
  }
  const form3 = t3Form(form, singleOther);
  const spell = (k: string) => { const v = t.cells[k]; return v === null ? '' : String(v); };
  const rows: Row[] = form3.map((fr) => ({ keys: fr.keys, heading: fr.heading, label: fr.labels[0], figs: fr.keys.map(spell) }));
  const out: string[] = [
    '某某县人民政府办公室', `${t.year}年度政府信息公开工作年度报告`, '一、总体情况',
    `本报告统计期限自${t.year}年1月1日起至${t.year}年12月31日止。全年主动公开政府信息 321 条。`,
    SECTION.t2[0],
  ];
  for (const fr of T2_FORM[form]) {
    if (fr.heading) out.push(fr.heading, '信息内容', ...fr.heads!);
    out.push([fr.labels[0], ...fr.keys.map((k) => (t.text[k] ?? String(t.cells[k])))].join(' '));
  }
  out.push(SECTION.t3[0], SECTION.t3note, ...APPLICANT_HEAD);
  const n = rows.length;
  const results = rows.map((_, i) => i).filter((i) => i >= 2 && i < n - 2);
  let t3: string[] = [];
  const t4figs = REVIEW_KEYS.map(spell);
  let t4lines: string[] | null = null;
  let tail = [...SECTION.tail];

  const plain = (rs: Row[]) => rs.flatMap((row) => rowLines(r, row));
  switch (mode) {
    case 'sparse': case 'single2021': {
      // sparse: one random adjacent transposition of two figure words (unmodelled order)
      t3 = plain(rows);
      if (mode === 'sparse') {
        const idx = t3.map((_, i) => i).filter((i) => /^[0-9 ]+$/.test(t3[i]));
        const li = pick(r, idx);
        const ws = t3[li].split(' ');
        if (ws.length >= 2) { const j = Math.floor(r() * (ws.length - 1)); [ws[j], ws[j + 1]] = [ws[j + 1], ws[j]]; t3[li] = ws.join(' '); note += `swap words in line ${li}`; }
        else { const lj = idx[idx.indexOf(li) + 1]; if (lj !== undefined) { [t3[li], t3[lj]] = [t3[lj], t3[li]]; note += `swap lines ${li},${lj}`; } }
      }
      break;
    }
    case 'swapRows': case 'rowOrder': {
      const order = rows.map((_, i) => i);
      if (mode === 'swapRows') {
        const a = r() < 0.2 ? 0 : pick(r, results.slice(0, -1));
        const b = a === 0 ? 1 : (r() < 0.6 ? a + 1 : pick(r, results));
        [order[a], order[b]] = [order[b], order[a]];
        note += `swap rows ${a},${b} (labels move too)`;
      } else {
        // Row a's label first, then row a+1's figures, row a's figures, row a+1's label: the figures lag a row.
        const a = pick(r, results.slice(0, -1));
        const figsA = rows[a].figs; rows[a] = { ...rows[a], figs: rows[a + 1].figs }; rows[a + 1] = { ...rows[a + 1], figs: figsA };
        t3 = rows.flatMap((row, i) => (i === a ? [...(row.heading ? [row.heading] : []), row.label, ...figureLines(r, row.figs)] : i === a + 1 ? [...figureLines(r, row.figs), row.label] : rowLines(r, row)));
        // (The truth is unchanged: the rows' figures are put back.)
        rows[a + 1] = { ...rows[a + 1], figs: rows[a].figs }; rows[a] = { ...rows[a], figs: figsA };
        note += `rowOrder a=${a} (row a's label first, then row a+1's figures, then row a's figures, label a+1)`;
        break;
      }
      t3 = plain(order.map((i) => rows[i]));
      break;
    }
    case 'colRotate': {
      // each row in run p..q prints its first figure after its label (rest before)
      const all = r() < 0.5;
      const p = all ? 0 : Math.floor(r() * (n - 2)), q = all ? n - 1 : Math.min(n - 1, p + 1 + Math.floor(r() * 10));
      note += `rotate rows ${p}..${q}`;
      t3 = rows.flatMap((row, i) => (i < p || i > q ? rowLines(r, row) : [...figureLines(r, row.figs.slice(1)), row.label, row.figs[0]]));
      break;
    }
    case 'firstColLast': {
      const p = Math.floor(r() * (n - 3)), q = Math.min(n - 1, p + 1 + Math.floor(r() * 10));
      note += `first col last ${p}..${q}`;
      rows.forEach((row, i) => {
        if (i < p || i > q) { t3.push(...rowLines(r, row)); return; }
        if (i !== p) return;
        for (let s = p; s <= q; s++) t3.push(...figureLines(r, rows[s].figs.slice(1)));
        for (let s = p; s <= q; s++) t3.push(rows[s].label, rows[s].figs[0]);
      });
      break;
    }
    case 'twoRuns': {
      const p1 = Math.floor(r() * (n - 8)), q1 = p1 + 1 + Math.floor(r() * 3);
      const p2 = q1 + 1 + Math.floor(r() * 3), q2 = Math.min(n - 1, p2 + 1 + Math.floor(r() * 5));
      note += `runs ${p1}..${q1}, ${p2}..${q2}`;
      rows.forEach((row, i) => {
        const inRun = (i >= p1 && i <= q1) ? [p1, q1] : (i >= p2 && i <= q2) ? [p2, q2] : null;
        if (!inRun) { t3.push(...rowLines(r, row)); return; }
        if (i !== inRun[0]) return;
        for (let s = inRun[0]; s <= inRun[1]; s++) t3.push(...(r() < 0.5 ? [rows[s].label, rows[s].figs[0]] : [rows[s].figs[0], rows[s].label]));
        for (let s = inRun[0]; s <= inRun[1]; s++) t3.push(...figureLines(r, rows[s].figs.slice(1)));
      });
      break;
    }
    case 'colMajor': {
      const p = Math.floor(r() * (n - 3)), q = Math.min(n - 1, p + 1 + Math.floor(r() * 12));
      note += `column-major rows ${p}..${q}`;
      rows.forEach((row, i) => {
        if (i < p || i > q) { t3.push(...rowLines(r, row)); return; }
        if (i !== p) return;
        for (let s = p; s <= q; s++) t3.push(rows[s].label);
        for (let c = 0; c < 7; c++) t3.push(...figureLines(r, rows.slice(p, q + 1).map((x) => x.figs[c])));
      });
      break;
    }
    case 'dupMissing': {
      const a = pick(r, rows.map((_, i) => i)); let b = pick(r, rows.map((_, i) => i)); if (b === a) b = (a + 1) % n;
      note += `row ${a}'s figures printed twice (also in place of row ${b})`;
      t3 = rows.flatMap((row, i) => (i === b ? rowLines(r, row, rows[a].figs) : rowLines(r, row)));
      break;
    }
    case 'pageNum': {
      t3 = plain(rows);
      // one blank printed as nothing (a zero cell made blank in truth) and a bare page number
      const zeroKeys = rows.flatMap((x) => x.keys).filter((k) => t.cells[k] === 0 && !k.endsWith('.total') && !/^apps\.(new|carried_over|carried_forward|total)\./.test(k));
      const comp = r() < 0.7 && zeroKeys.length;
      if (comp) {
        const k = pick(r, zeroKeys); t.cells[k] = null;
        const row = rows.find((x) => x.keys.includes(k))!; row.figs = row.figs.map((f, j) => (row.keys[j] === k ? '' : f));
        t3 = plain(rows);
        note += `blank ${k}; `;
      }
      const pn = String(1 + Math.floor(r() * (r() < 0.5 ? 9 : 30)));
      const at = 1 + Math.floor(r() * (t3.length - 1));
      t3.splice(at, 0, pn);
      note += `page number ${pn} at line ${at}`;
      break;
    }
    case 'blankNothing': {
      // Zero cells printed as nothing, and as many stray digits (a footnote's markers) among the lines.
      const zeroKeys = rows.flatMap((x) => x.keys).filter((k) => t.cells[k] === 0 && !k.endsWith('.total'));
      const m = 1 + Math.floor(r() * 3);
      const ks: string[] = [];
      for (let i = 0; i < m && zeroKeys.length; i++) { const k = pick(r, zeroKeys); t.cells[k] = null; ks.push(k); }
      rows.forEach((row) => { row.figs = row.figs.map((f, j) => (ks.includes(row.keys[j]) ? '' : f)); });
      t3 = plain(rows);
      for (let i = 0; i < m; i++) t3.splice(1 + Math.floor(r() * (t3.length - 1)), 0, pick(r, ['1', '2', '3', '0']));
      note += `blanks ${ks.join(',')} + ${m} stray digits`;
      break;
    }
    case 'extraSubtotal': {
      const groups: [string, number, number][] = [];
      rows.forEach((row, i) => { if (row.heading && /^（/.test(row.heading)) { let j = i; while (j + 1 < n && !rows[j + 1].heading && /^[0-9]/.test(rows[j + 1].label)) j++; groups.push([row.heading, i, j]); } });
      const [h, gi, gj] = pick(r, groups);
      const sub = rows[gi].keys.map((_, c) => String(rows.slice(gi, gj + 1).reduce((s, x) => s + Number(x.figs[c] || 0), 0)));
      const drop = r() < 0.7 ? pick(r, rows.map((_, i) => i)) : -1;
      note += `subtotal row for ${h} at ${gi}; drop row ${drop}`;
      rows.forEach((row, i) => {
        if (i === gi) t3.push(...figureLines(r, sub), h);
        if (i === drop) { t3.push(row.label); return; }
        t3.push(...rowLines(r, { ...row, heading: undefined }));
      });
      break;
    }
    case 'glueAcross': {
      // last figure of a row glued to first figure of the next row (any digits)
      const lines: string[] = [];
      rows.forEach((row) => {
        const ls = rowLines(r, row, row.figs, { anyGlue: true });
        lines.push(...ls);
      });
      // glue: find figure-only line followed by label then figure-only; merge across label sometimes
      for (let i = 0; i + 2 < lines.length; i++) {
        if (/^[0-9 ]+$/.test(lines[i]) && !/^[0-9 ]+$/.test(lines[i + 1]) && /^[0-9 ]+$/.test(lines[i + 2]) && r() < 0.3) {
          lines[i] = lines[i] + lines[i + 2].split(' ')[0];
          const rest = lines[i + 2].split(' ').slice(1).join(' ');
          if (rest) lines[i + 2] = rest; else lines.splice(i + 2, 1);
          note += `glue@${i} `;
        }
      }
      t3 = lines;
      break;
    }
    case 'thousands': {
      const style = pick(r, [',', ' ', '，']);
      const sep = (s: string) => (/^\d{4,}$/.test(s) ? s.replace(/\B(?=(\d{3})+$)/g, style) : s);
      t3 = rows.flatMap((row) => rowLines(r, row, row.figs.map(sep)));
      note += `sep '${style}'`;
      break;
    }
    case 't4': {
      t3 = plain(rows);
      const v = Math.floor(r() * 5);
      if (v === 0) { // blocks reordered: litigation first
        const order = pick(r, [[1, 2, 0], [2, 1, 0], [0, 2, 1], [1, 0, 2]]);
        t4lines = order.flatMap((b) => figureLines(r, t4figs.slice(b * 5, b * 5 + 5)));
        note += `t4 blocks ${order}`;
      } else if (v === 1) { // each block prints its total first
        t4lines = [0, 1, 2].flatMap((b) => figureLines(r, [t4figs[b * 5 + 4], ...t4figs.slice(b * 5, b * 5 + 4)]));
        note += 't4 totals first';
      } else if (v === 2) { // column-major of the two litigation blocks (pdftotext reading a 2-row stacked header)
        t4lines = [...figureLines(r, t4figs.slice(0, 5)), ...[0, 1, 2, 3, 4].flatMap((c) => [t4figs[5 + c], t4figs[10 + c]])];
        note += 't4 litigation interleaved';
      } else if (v === 3) { // figures split around the next heading, then a paragraph number / page number after it
        const cut = 1 + Math.floor(r() * 13);
        const zero = REVIEW_KEYS.map((_, i) => i).filter((i) => t.cells[REVIEW_KEYS[i]] === 0 && !REVIEW_KEYS[i].endsWith('total'));
        let figs = [...t4figs];
        if (zero.length && r() < 0.7) { const i = pick(r, zero); t.cells[REVIEW_KEYS[i]] = null; figs[i] = ''; note += `blank ${REVIEW_KEYS[i]}; `; }
        figs = figs.filter((f) => f !== '' || true);
        const pn = String(1 + Math.floor(r() * 12));
        t4lines = figureLines(r, figs.slice(0, cut));
        tail = [tail[0], ...figureLines(r, figs.slice(cut)), pn, ...tail.slice(1)];
        note += `t4 cut ${cut} + page number ${pn} after heading`;
      } else { // a row's figures with a stray page number in the middle, one blank printed as nothing
        const zero = REVIEW_KEYS.map((_, i) => i).filter((i) => t.cells[REVIEW_KEYS[i]] === 0);
        const figs = [...t4figs];
        if (zero.length) { const i = pick(r, zero); t.cells[REVIEW_KEYS[i]] = null; figs[i] = ''; note += `blank ${REVIEW_KEYS[i]}; `; }
        const pn = String(1 + Math.floor(r() * 12));
        const at = Math.floor(r() * 15);
        t4lines = [...figureLines(r, figs.slice(0, at)), pn, ...figureLines(r, figs.slice(at))];
        note += `t4 stray ${pn} at ${at}`;
      }
      break;
    }
    case 't4page': {
      t3 = plain(rows);
      // one cell of the last block printed as nothing (a blank), the heading, then the page's footer number
      const cand = [10, 11, 12, 13].filter((i) => t.cells[REVIEW_KEYS[i]] === 0);
      const i = cand.length ? pick(r, cand) : 13;
      t.cells[REVIEW_KEYS[i]] = null; const figs = [...t4figs]; figs[i] = '';
      t4lines = figureLines(r, figs);
      const pn = String(1 + Math.floor(r() * 15));
      tail = [tail[0], pn, ...tail.slice(1)];
      note += `t4 blank ${REVIEW_KEYS[i]}, page number ${pn} after heading`;
      break;
    }
    case 'colPerm': {
      // the report prints the applicant columns in another order, and its header says so
      const perm = [0, 1, 2, 3, 4, 5]; for (let i = 5; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
      const p7 = [...perm, 6];
      // header: 申请人情况, then columns in printed order (法人 group heading before its first sub-column)
      const sub = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
      const hdr: string[] = ['申请人情况'];
      const nm = ['自然人', ...sub, '总计'];
      let group = false;
      for (const c of p7) { if (c >= 1 && c <= 5 && !group) { hdr.push('法人或其他组织'); group = true; } hdr.push(nm[c]); }
      out.splice(out.length - APPLICANT_HEAD.length, APPLICANT_HEAD.length, ...hdr);
      t3 = rows.flatMap((row) => rowLines(r, row, p7.map((c) => row.figs[c])));
      note += `columns printed ${p7.join('')}`;
      break;
    }
    case 'other6Row': {
      // 2021 form: （六）其他处理 prints its own sum row as well as the three sub-rows
      if (form !== '2021') { t3 = plain(rows); note += 'plain 2019'; break; }
      t3 = rows.flatMap((row) => {
        if (row.heading === '（六）其他处理') return [...figureLines(r, APPLICANT_COLS.map((c) => spell(`apps.other.${c}`))), '（六）其他处理', ...rowLines(r, { ...row, heading: undefined })];
        return rowLines(r, row);
      });
      note += 'other row printed with sub-rows';
      break;
    }
    case 'blankGlue': {
      const zeroKeys = rows.flatMap((x) => x.keys).filter((k) => t.cells[k] === 0 && !k.endsWith('.total'));
      const m = 1 + Math.floor(r() * 2); const ks: string[] = [];
      for (let i = 0; i < m && zeroKeys.length; i++) { const k = pick(r, zeroKeys); t.cells[k] = null; ks.push(k); }
      rows.forEach((row) => { row.figs = row.figs.map((f, j) => (ks.includes(row.keys[j]) ? '' : f)); });
      t3 = rows.flatMap((row) => rowLines(r, row, row.figs, { anyGlue: true }));
      note += `blanks ${ks.join(',')}, any digits glued`;
      break;
    }
    case 'moveLine': {
      t3 = plain(rows);
      const idx = t3.map((_, i) => i).filter((i) => /^[0-9 ]+$/.test(t3[i]));
      const from = pick(r, idx); const [ln] = t3.splice(from, 1);
      const to = Math.floor(r() * (t3.length + 1)); t3.splice(to, 0, ln);
      note += `figure line ${from} ("${ln}") moved to ${to}`;
      break;
    }
    default: throw new Error(mode);
  }
  out.push(...t3);
  out.push(SECTION.t4[0], ...T4_HEAD_CELLS, ...(t4lines ?? figureLines(r, t4figs)));
  return { text: [...out, ...tail].join('\n'), truth: t, note };
}
