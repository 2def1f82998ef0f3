/**
 * Layouts an independent red team found the parser misreading (session 10): 表二's money column
 * in the unit its header names, 表三's columns moved or a 小计 added, a mobile page whose 表四 has
 * blanks too, damaged cells, and a crawler's run-together rows with blank marks; session 11's
 * red team: figures one per line, 表二 and 表三 walked in different orders.
 */
import { APPLICANT_HEAD, REVIEW_KEYS, SECTION, T4_HEAD_CELLS, type FormRow } from './synthetic-forms';
import { pick, spell } from './synthetic-figures';
import { doc, label, opening, padded, spaced, t2Blocks, t3Rows, t4Values, tabbed, values, type Ctx, type SyntheticDoc } from './synthetic-layouts';

/** An amount in 元 (to the 分) written in 万元, exactly: 276867 → 27.6867. */
function inWan(yuan: number): string {
  const cents = String(Math.round(yuan * 100)).padStart(7, '0');
  const digits = `${cents.slice(0, -6)}.${cents.slice(-6)}`.replace(/\.?0+$/, '');
  return digits;
}

/** 表二's money column in the other unit than the form's, its header saying so (采购总金额（万元）). */
export function headerUnits(c: Ctx): SyntheticDoc {
  const key = c.t.form === '2019' ? 't2.procurement.amount_yuan' : 't2.fees.amount_yuan';
  const yuan = c.t.cells[key] as number;
  const head = c.t.form === '2019'
    ? pick(c.r, ['采购总金额（万元）', '采购总金额(万元)', '采购总金额（单位：万元）'])
    : pick(c.r, ['本年收费金额（单位：元）', '本年收费金额（元）', '本年收费金额(元)']);
  c.t.text[key] = c.t.form === '2019' ? inWan(yuan) : (Math.round(yuan * 100) / 100).toFixed(2).replace(/\.00$/, '');
  return (c.r() < 0.5 ? tabbed : spaced)(c, undefined, undefined, (x) => (x.keys.includes(key) ? x.heads!.slice(0, -1).concat(head) : x.heads!));
}

/**
 * 表三 printed with its applicant columns moved, or a 小计 of 法人或其他组织 added, the header saying
 * so: on one row, or on the form's two rows printed a row a line (自然人 · 法人或其他组织 · 总计 over
 * the organisations, each row in its own order).
 */
export function movedColumns(c: Ctx): SyntheticDoc {
  const names = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', '小计'];
  let order = [0, 1, 2, 3, 4, 5, 6];
  const subtotal = c.r() < 0.4;
  const twoRows = c.r() < 0.4;
  let head: string[];
  if (twoRows) {
    const orgs = [1, 2, 3, 4, 5].sort(() => c.r() - 0.5);
    if (subtotal) orgs.push(7);
    const top = pick(c.r, [[0, -1, 6], [6, 0, -1], [-1, 0, 6]]);
    order = top.flatMap((x) => (x < 0 ? orgs : [x]));
    head = ['申请人情况', top.map((x) => (x < 0 ? '法人或其他组织' : names[x])).join('\t'), orgs.map((x) => names[x]).join('\t')];
  } else {
    // 自然人 · 总计 · 商业企业 … 其他 is the form's own two-row header read row by row: a dump
    // that prints a page as one line cannot tell it from a one-row header, so it is not drawn.
    const formLike = (o: number[]) => o.every((x, i) => x === i) || o.join() === '0,6,1,2,3,4,5';
    if (subtotal) order = [0, 1, 2, 3, 4, 5, 7, 6];
    else while (formLike(order)) order = [...order].sort(() => c.r() - 0.5);
    // A flattened two-row head may join the group to each organisation's name.
    const join = c.r() < 0.35 ? pick(c.r, [['-', ''], ['', ''], ['（', '）'], ['—', ''], ['：', '']]) : null;
    const named = (i: number) => (join && i >= 1 && i !== 6 && i !== 0 ? `法人或其他组织${join[0]}${names[i]}${join[1]}` : names[i]);
    head = [[pick(c.r, ['申请人情况', '项目']), ...order.map(named)].join('\t')];
  }
  const d = tabbed(c);
  const lines = d.text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(SECTION.t3note));
  const to = lines.findIndex((l, i) => i > from && SECTION.t4.includes(l));
  const body = t3Rows(c).map((x) => {
    const v = x.keys.map((k) => spell(c.t, k, c.blank()));
    const sum = x.keys.slice(1, 6).map((k) => c.t.cells[k]).filter((n): n is number => n !== null);
    const sub = sum.length ? String(sum.reduce((a, b) => a + b, 0)) : c.blank();
    return [x.heading ?? '', label(c, x), ...order.map((i) => (i === 7 ? sub : v[i]))].join('\t').replace(/^\t/, '');
  });
  lines.splice(from, to - from, SECTION.t3note, ...head, ...body);
  return { ...d, text: lines.join('\n') };
}

/** A mobile page (family 2) whose 表四 also prints blanks, as empty cells beside the empty layout cells. */
export function paddedBlankReview(c: Ctx): SyntheticDoc {
  for (const k of REVIEW_KEYS) if (c.t.cells[k] === 0 && c.r() < 0.7) c.t.cells[k] = null;
  return padded(c, 4);
}

/**
 * Cells damaged on the way (OCR, a scanner, a careless edit): a letter read for a digit, a stray
 * mark inside a figure, an approximate figure (约50, 50余) — each must be flagged, never cut
 * down to its digits — and an invisible character inside a figure, which reads as the figure.
 */
export function damagedCells(c: Ctx): SyntheticDoc {
  const keys = Object.keys(c.t.cells).filter((k) => c.t.cells[k] !== null && !k.startsWith('apps.other.') && !c.t.text[k]);
  const hurt = new Map<string, string>();
  for (let i = 0; i < 1 + Math.floor(c.r() * 3); i++) {
    const k = pick(c.r, keys);
    if (hurt.has(k)) continue;
    const v = String(c.t.cells[k]);
    const how = Math.floor(c.r() * 5);
    if (how === 4) { hurt.set(k, `${v.slice(0, 1)}${pick(c.r, ['\u200b', '\u2060', '\ufeff', '\u200d'])}${v.slice(1)}`); continue; }
    c.t.mustFlag.add(k);
    if (how === 0) hurt.set(k, /[01]/.test(v) ? v.replace(/0/g, 'O').replace(/1/g, 'l') : `${v}o`);
    // (OCR's 〇 for 0 and ] for 1, and marks a scan leaves: 、 · ‘ 。. A | parts cells in a pipe row.)
    else if (how === 1) { const at = Math.floor(c.r() * (v.length + 1)); hurt.set(k, `${v.slice(0, at)}${pick(c.r, ['?', '"', 'q', '.', '*', '（', '〇', ']', '、', '·', '‘', '。', '［'])}${v.slice(at)}`); }
    else if (how === 2) hurt.set(k, pick(c.r, [`约${v}`, `${v}余`, `近${v}`, `${v}多`, `≥${v}`, `不少于${v}`, `＞${v}`]));
    else hurt.set(k, pick(c.r, ['D', 'O', 'l', 'Il']));
  }
  const layout = Math.floor(c.r() * 3);
  const cell = (k: string, s: string) => hurt.get(k) ?? s;
  if (layout === 0) return tabbed(c, cell);
  if (layout === 1) return spaced(c, cell);
  // A mobile page: the same cells between pipes.
  const d = tabbed(c, cell);
  return { ...d, name: 'report_wap.txt', text: d.text.split('\n').map((l) => (l.includes('\t') ? `||${l.replace(/\t/g, '|')}||` : l)).join('\n') };
}

/** A crawler's dump: each row's label and figures run together, blanks as marks (规范性文件183/1). */
export function runTogether(c: Ctx): SyntheticDoc {
  const d = tabbed(c);
  const lines = d.text.split('\n').map((l) => {
    const cells = l.split('\t');
    return cells.length > 1 && cells.slice(1).some((x) => /^\d/.test(x)) ? cells.join('') : cells.join(' ');
  });
  return { ...d, text: lines.join('\n') };
}

/**
 * pdfminer, or pdftotext in its default mode: each block's labels, then its figures one per
 * line, walked row by row or column by column — 表二's wide cells and 表三's narrow ones each
 * their own way, so one file can hold both orders.
 */
export function valuePerLine(c: Ctx): SyntheticDoc {
  const walk = (rows: FormRow[], byColumn: boolean) => {
    const grid = rows.map((row) => values(c, row));
    return byColumn ? grid[0].flatMap((_, j) => grid.map((cells) => cells[j])) : grid.flat();
  };
  const t2ByColumn = c.r() < 0.5;
  const out = opening(c);
  out.push(pick(c.r, SECTION.t2));
  for (const block of t2Blocks(c)) {
    out.push(block[0].heading!, '信息内容', ...block[0].heads!, ...block.map((row) => label(c, row)), ...walk(block, t2ByColumn));
  }
  const rows3 = t3Rows(c);
  out.push(pick(c.r, SECTION.t3), SECTION.t3note, ...APPLICANT_HEAD);
  out.push(...rows3.flatMap((row) => (row.heading ? [row.heading, label(c, row)] : [label(c, row)])), ...walk(rows3, c.r() < 0.5));
  out.push(pick(c.r, SECTION.t4), ...T4_HEAD_CELLS, ...t4Values(c));
  return doc(c, 'report.txt', out);
}

/**
 * pdftotext -raw: a row's figures set apart by single spaces, blank cells printed as nothing,
 * and now and then a row's last figure run into the next item's heading (服务事项775第二十条第（六）项).
 */
export function rawText(c: Ctx): SyntheticDoc {
  const d = spaced(c);
  const lines = d.text.replace(/ {3}/g, ' ').split('\n').map((l) => l.replace(/ +$/, '').replace(/ {2,}/g, ' '));
  const out: string[] = [];
  for (const l of lines) {
    const prev = out.length - 1;
    if (prev >= 0 && /\d$/.test(out[prev]) && l.startsWith('第二十条') && c.r() < 0.6) out[prev] += l;
    else out.push(l);
  }
  return { ...d, text: out.join('\n') };
}

/**
 * pdftotext -layout of a borderless 表三 set tight (session 13's red team): row labels wrap
 * over a few lines and each row's figures stand on one of them — or, where the table is set
 * so tight that the extractor rounds them half a row down, on the first line of the next
 * row's label (`数量 （一）予以公开 0 0 0 2 0 0 2`, the figures 上年结转's).
 */
export function halfRowOff(c: Ctx): SyntheticDoc {
  const d = spaced(c);
  const lines = d.text.split('\n');
  const start = lines.findIndex((l) => SECTION.t3.includes(l));
  const end = lines.findIndex((l, i) => i > start && SECTION.t4.includes(l));
  const off = c.r() < 0.7;
  const labelLines: string[] = [];
  const starts: number[] = [];
  const spans: number[] = [];
  for (const row of t3Rows(c)) {
    const text = `${row.heading && c.r() < 0.5 ? row.heading : ''}${label(c, row)}`;
    const w = 5 + Math.floor(c.r() * 9);
    starts.push(labelLines.length);
    for (let at = 0; at < text.length; at += w) labelLines.push(text.slice(at, at + w));
    spans.push(labelLines.length - starts[starts.length - 1]);
  }
  // Where each row's figures go: the middle of its label, or (off) pushed down by up to its span.
  const at: number[] = [];
  t3Rows(c).forEach((_, i) => {
    const want = starts[i] + (off ? Math.min(spans[i], Math.floor(c.r() * (spans[i] + 1))) : Math.floor((spans[i] - 1) / 2));
    at.push(Math.max(want, i ? at[i - 1] + 1 : 0));
  });
  const width = Math.max(...labelLines.map((l) => l.length)) + 2;
  const body: string[] = [];
  const n = Math.max(labelLines.length, at[at.length - 1] + 1);
  for (let i = 0; i < n; i++) {
    const row = at.indexOf(i);
    const text = labelLines[i] ?? '';
    body.push(row < 0 ? text : `${text.padEnd(width, '　')}   ${values(c, t3Rows(c)[row]).join('   ')}`);
  }
  const head = [lines[start], SECTION.t3note, APPLICANT_HEAD.join('  ')];
  return { ...d, text: [...lines.slice(0, start), ...head, ...body, ...lines.slice(end)].join('\n') };
}
