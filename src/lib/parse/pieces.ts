/**
 * Lines of cells → a flat stream of label and value pieces. A token may hold both (crawler
 * dumps glue 规章000行政规范性文件8855698 together); the pieces keep where they were read.
 */
import type { SourceRef } from '../format';
import { lineText, UNSEEN, UNSURE_MARK, type Line, type Token } from './document';
import { COUNTED, LEADING_ZERO, readValue, type ValueToken } from './numbers';
import { squash } from './normalize';
import { FIGURES_AND_MARKS } from './marks';

export interface LabelPiece { kind: 'label'; text: string; line: number }
export interface ValuePiece {
  kind: 'value';
  /** Digits as printed ('' for a blank cell). */
  raw: string;
  value: number | null;
  unit?: 'yuan' | 'wan';
  /** Digits that touched label text or other digits: they may hold several cells. */
  glued: boolean;
  /** Read from a line whose cells the layout separates (a table row, not loose text). */
  cellular: boolean;
  /** A blank cell of a row that prints no number (a heading row, layout padding). */
  pad?: boolean;
  /** Read from a line that may be a page number rather than a row (see Line.furniture). */
  furniture?: boolean;
  /** The text ends on these digits: the file may have been cut inside the number. */
  cut?: boolean;
  /** Why the cell cannot be read, in Chinese (it holds something other than a figure: 约50, 1o, 19?3; or the reader doubts its place): it is flagged, never read. */
  bad?: string;
  ref: SourceRef;
  line: number;
}
export type Piece = LabelPiece | ValuePiece;

const RUN = /-?\d[\d.\-]*(?:万元|元)?/g;
/** A figure wholly in brackets: (114), （3,631）. */
const PARENTHESIZED = /^\s*[（(]\s*-?\d[\d,，.]*\s*[)）]\s*$/;
const CJK = /[\u3400-\u9fff（]/;
const WORD = /[\u3400-\u9fff（）A-Za-z]/;

function refOf(t: Token, text: string): SourceRef {
  const r: SourceRef = { text };
  if (t.page !== undefined) r.page = t.page;
  if (t.line !== undefined) r.line = t.line;
  if (t.table !== undefined) r.table = t.table;
  if (t.row !== undefined) r.row = t.row;
  if (t.col !== undefined) r.col = t.col;
  return r;
}

function pushLabel(out: Piece[], text: string, line: number): void {
  const s = squash(text);
  // A comma or a stray mark between figures (26,66) separates them; it names nothing.
  if (!s || /^[,，;；|#]+$/.test(s)) return;
  const last = out[out.length - 1];
  if (last && last.kind === 'label' && last.line === line) last.text += s;
  else out.push({ kind: 'label', text: s, line });
}

/** The reason given for a cell that prints something other than a figure. */
const notAFigure = (text: string) => `这一格印的是“${text.slice(0, 20)}”，不是一个确切的数（可能是识别错误、约数或乱码），请核对原表`;

/** Blank marks at the edge of text that touches figures run together (规范性文件183/1, 规章／400). */
const EDGE_MARKS = /^([/／—–]*)([\s\S]*?)([/／—–]*)$/;

function pushMarks(out: Piece[], marks: string, line: number): void {
  // A slash is one empty cell; a dash run may be one cell or two (—— is also one mark): such a
  // run stands for cells it cannot count, and its row is flagged.
  for (const m of marks.match(/[/／]|[—–]+/g) ?? []) {
    const v: ValuePiece = { kind: 'value', raw: '', value: null, glued: false, cellular: false, ref: { text: m }, line };
    if (m.length > 1) Object.assign(v, { raw: '?', bad: notAFigure(m) });
    out.push(v);
  }
}

/**
 * Text between figures of a run-together token: blank marks next to the figures are empty
 * cells, the rest is label text.
 */
function pushGap(out: Piece[], text: string, line: number, digitsBefore: boolean, digitsAfter: boolean): void {
  const [, lead, middle, trail] = EDGE_MARKS.exec(text)!;
  if (digitsBefore) pushMarks(out, lead, line);
  // A label run into its row's first cell printed 无 (pypdf: `1.属于国家秘密无 5 无 0`, `稳定”无 0 0`): no row's
  // name ends in 无, so that 无 is the cell.
  const wu = digitsAfter && !trail ? (/[^\s\d无](无+)$/.exec(middle)?.[1] ?? '') : '';
  pushLabel(out, `${digitsBefore ? '' : lead}${middle.slice(0, middle.length - wu.length)}${digitsAfter ? '' : trail}`, line);
  for (let i = 0; i < wu.length; i++) out.push({ kind: 'value', raw: '', value: null, glued: false, cellular: false, ref: { text: '无' }, line });
  if (digitsAfter) pushMarks(out, trail, line);
}

/** Figures and the blank mark 无 alone, run together (`无363`, `12无`): no label holds only these. */
const WU_AND_FIGURES = /^(?=.*\d)(?=.*无)[无0-9]+$/;

/** Splits one token that mixes label text and digits. */
function splitMixed(t: Token, line: number, out: Piece[], figuresAfter = false, labelNext = false): void {
  const s = t.text;
  if (WU_AND_FIGURES.test(s)) {
    // Each 无 is one blank cell; the digits touch it, so they may hold several cells.
    for (const m of s.match(/无|\d+/g)!) {
      out.push(m === '无'
        ? { kind: 'value', raw: '', value: null, glued: false, cellular: false, ref: refOf(t, m), line }
        : { kind: 'value', raw: m, value: null, glued: true, cellular: false, ref: refOf(t, m), line });
    }
    return;
  }
  // Figures and blank marks alone, run together (—0, —3, 0—): the marks before the first figure
  // are cells too, not a label's text.
  const figuresOnly = FIGURES_AND_MARKS.test(s);
  let at = 0;
  for (const m of s.matchAll(RUN)) {
    let run = m[0];
    const start = m.index ?? 0;
    const after = s.slice(start + run.length);
    // "00000002.其他法律…": the trailing "2." numbers the next row label, it is not a cell.
    let numbering = '';
    const num = /(\d)\.$/.exec(run);
    // (Also at the end of a line whose next line goes on with the label: `（三）不予公开1.` /
    // `属于国家秘密6 0 0`, a label wrapped after its item number.)
    if (num && (CJK.test(after.charAt(0)) || (after === '' && labelNext && /^\D+$/.test(s.slice(0, start))))) {
      numbering = run.slice(-2);
      run = run.slice(0, -2);
    } else if (/^\d{1,2}$/.test(run) && /^\s+[.．]\s*[\u3400-\u9fff]/.test(after)) {
      // "2 . 其他法律…": justified text spaces the item number out the same way.
      numbering = run;
      run = '';
    } else if (after.startsWith('、') && /\d$/.test(run)) {
      // "1、申请人…" numbers a row the same way.
      const d = /\d{1,2}$/.exec(run)![0];
      numbering = d;
      run = run.slice(0, -d.length);
    } else if (run.endsWith('.') || run.endsWith('-')) {
      run = run.replace(/[.\-]+$/, '');
    }
    pushGap(out, s.slice(at, start), line, at > 0 || figuresOnly, true);
    if (run && /\d/.test(run)) {
      const unit = run.endsWith('万元') ? 'wan' : run.endsWith('元') ? 'yuan' : undefined;
      const digits = run.replace(/万?元$/, '');
      // Digits touching label text may hold several cells; set apart by punctuation they do not.
      const glued = WORD.test(s.charAt(start - 1)) || WORD.test(s.charAt(start + run.length));
      out.push({ kind: 'value', raw: digits, value: null, unit, glued, cellular: false, ref: refOf(t, digits), line });
    }
    pushLabel(out, numbering, line);
    at = start + m[0].length;
  }
  // A label that runs into its row's first cell, a blank mark, before figures set apart
  // (pypdf: `（一）予以公开— 0 0`): the mark is that cell.
  pushGap(out, s.slice(at), line, at > 0, figuresAfter);
}

/** A column numbered rather than named by an OCR tool: 数据1, 列2, 第3列. */
const GENERIC_HEAD = /^(数据|列|栏|第)\s*\d{1,2}\s*[列栏]?$/;
/** A figure with a note in its cell: 22（其中修订 16 件）, or its first part when the note wraps. */
const NOTED = /^(-?\d[\d,，]*(?:\.\d+)?)\s*[（(]\D*[\u3400-\u9fff].*$/;
/**
 * The same in loose text, where spaces split the note: the figure and the note's first words,
 * no digits or second bracket after them (0001（三）不予公开1.属于… is a run of cells and labels).
 */
const LOOSE_NOTED = /^(-?\d[\d,，]*(?:\.\d+)?)[（(][^\d（()）]*[\u3400-\u9fff][^\d（()）]*[）)]?$/;
/**
 * A figure with a footnote's mark: 28①, 0⑴, 0¹, 0⁽¹⁾, 0^1, 0[^1], 0[1], 1164注1, 5※. The mark is set apart from the
 * figure by its kind (a circled or superscript digit, brackets, 注), so the figure is whole. (Not
 * an asterisk: a scanner's smudge leaves one as readily as a writer, 13* may be 138.)
 */
const FOOTNOTE = /^(-?\d[\d,，]*(?:\.\d+)?)\s*(?:[\u2460-\u2473\u2474-\u2487]|\u207d?[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+\u207e?|\^\d{1,2}|\[\^\d{1,2}\]|[※†‡]|\[注?\d{1,2}\]|注\s?\d{1,2})$/;
/** The rest of a note that wrapped onto the next line: 16 件）. */
const NOTE_TAIL = /^(?=.*\d)(?=.*[\u3400-\u9fff])[^（(]*[）)]$/;

type Kind = 'label' | 'number' | 'blank' | 'skip' | 'bad';
interface Classified { kind: Kind; value: ValueToken | null; numbering?: boolean }

/** A figure with a word or sign that makes it approximate or a bound: 约50, 50余, 近 50, 50 多件, ≥117, 不少于 5. */
const APPROX = new RegExp(`^(?:约|近|逾|超过|大约|不少于|不低于|不超过|不足|少于|多于|[≥≧≤≦＞＜><])\\s*\\d[\\d,，.]*\\s*(?:余|多)?(?:${COUNTED})?$|^\\d[\\d,，.]*\\s*(?:余|多|左右|以上)(?:${COUNTED})?$`);
/** A change written in words: 增加12, 减少 25 件. */
const CHANGE_WORDS = new RegExp(`^(增加|减少|增|减)\\s*(\\d+)\\s*(?:${COUNTED})?$`);
/**
 * Characters OCR reads for digits (O or 〇 for 0, l, ] or | for 1) and marks scanners leave in a
 * cell (、 · ‘): a token of them, short, with no Chinese, in a row of figures, is a damaged cell,
 * never a label, nor a figure with the marks cut off (247〇 is no 247, 9243、 no 92).
 */
const DAMAGED = /^[0-9A-Za-z?？.,'"`~!@#$%^&*_=+:;<>/\\\-（）[\]{}|｜［］【】「」〔〕、。，：；·・•‘’“”〇]{1,20}$/;
const OCR_LETTERS = /^[OoDQlIiSsZzBbg]{1,3}$/;

/**
 * A figure and a character or two (5注 where a footnote's 注 3 was split at its space, 183件): in
 * a row of figures, the cell of a figure with something after it, never a row's name.
 */
const FIGURE_AND_WORD = /^\d[\d,，]*(?:\.\d+)?\s*[\u3400-\u9fff]{1,2}$/;

/** A token in a row of figures that is neither a figure nor a label: flagged as the cell it stands for. */
function damaged(t: string): boolean {
  // Figures set apart by commas or blank marks (26,66 · 183/1) are several cells, read as such.
  if (/^[\d,，;；/／—–]+$/.test(t) || WU_AND_FIGURES.test(t)) return false;
  return APPROX.test(t) || FIGURE_AND_WORD.test(t) || SPACED.test(t) || (DAMAGED.test(t) && (/\d/.test(t) || OCR_LETTERS.test(t)));
}

/** Digits set apart by spaces in one cell (9 4 8 8 9 5 . of a letter-spaced 948895.92): no label. */
const SPACED = /^(?=.*\d)[-−–+]?\s?[\d.,，．]+(?:\s+[\d.,，．]+)+$/;

const DIGIT_WORDS = '零一二三四五六七八九';
/** 零, 〇, 二 … 九, 十 … 九十九 as a number (not 一 alone); null for anything else. */
function chineseNumeral(t: string): number | null {
  if (t === '零' || t === '〇') return 0;
  const m = /^([二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || !t || t === '一' || (!m[2] && m[1] && m[3])) return null;
  const d = (c?: string) => (c ? DIGIT_WORDS.indexOf(c) : 0);
  return m[2] ? (m[1] ? d(m[1]) : 1) * 10 + d(m[3]) : d(m[1] ?? m[3]);
}

const LABEL: Classified = { kind: 'label', value: null };
const NUMBERING: Classified = { kind: 'label', value: null, numbering: true };
const SKIP: Classified = { kind: 'skip', value: null };
const BAD: Classified = { kind: 'bad', value: null };

/** Notes are only told apart from run-together digits where the layout separates cells. */
function classify(text: string, cellular: boolean): Classified {
  const t = text.trim();
  if (t.includes(UNSURE_MARK)) return BAD;
  // (An item number alone, also spaced out by justified text: 2 . · 3．)
  if (/^\d{1,2}\s*[.．、]$/.test(t) || GENERIC_HEAD.test(t)) return NUMBERING;
  const change = CHANGE_WORDS.exec(t);
  if (change) {
    const raw = `${change[1].startsWith('减') ? '-' : ''}${change[2]}`;
    return { kind: 'number', value: { kind: 'number', value: Number(raw), raw } };
  }
  const v = readValue(t);
  if (cellular && !v && NOTE_TAIL.test(t)) return SKIP;
  const foot = v ? null : FOOTNOTE.exec(t);
  const w = v ?? (foot ? readValue(foot[1]) : cellular && NOTED.test(t) ? readValue(NOTED.exec(t)![1]) : null);
  return w ? { kind: w.kind === 'blank' ? 'blank' : 'number', value: w } : LABEL;
}

/** A cell that stands for one figure that cannot be read, with why. (Not a closure: built per token.) */
/** A cell's text that is only figures, two or more, apart by spaces or line breaks. */
const SEVERAL_FIGURES = /^\s*\d[\d.,]*(?:\s+\d[\d.,]*)+\s*$/;

function badPiece(l: Line, t: Token, line: number, text: string, why: string): ValuePiece {
  const p: ValuePiece = { kind: 'value', raw: '?', value: null, glued: false, cellular: l.cellular === true, bad: why, ref: refOf(t, text), line };
  if (l.furniture) p.furniture = true;
  return p;
}

export function toPieces(lines: Line[], endsInCell = false): Piece[] {
  const out: Piece[] = [];
  lines.forEach((l, li) => {
    const cellular = l.cellular === true;
    // The rest of a note wrapped onto a line of its own in loose text (117 件）): not a row.
    if (!cellular && l.tokens.length <= 3 && NOTE_TAIL.test(lineText(l))) return;
    let tokens = l.tokens;
    const classed = tokens.map((t) => classify(t.text, cellular));
    // In a row of figures, or after a row's label, a token that is neither a figure nor a label
    // stands for its cell.
    const figures = classed.some((k) => k.kind === 'number' || k.kind === 'blank');
    let kinds = classed.map((k, i): Classified => {
      if (k.kind !== 'label') return k;
      const t = tokens[i].text.trim();
      // A figure with a note that wraps in loose text (172（其中修订 · 27 · 1932) is the figure, where
      // the line's other figures stand apart: its digits touch the note, not other digits.
      const m = !cellular && figures ? LOOSE_NOTED.exec(t) : null;
      const w = m ? readValue(m[1]) : null;
      if (w && w.kind === 'number') return { kind: 'number', value: w };
      // An item number numbers the label after it: in a row of cells with figures before it and
      // no label after it (||…|3|9.||), it is a figure damaged in its cell.
      if (k.numbering) {
        const numbersNothing = cellular && classed.slice(0, i).some((c) => c.kind === 'number') && !classed.slice(i + 1).some((c) => c.kind === 'label' && !c.numbering);
        return numbersNothing ? BAD : k;
      }
      // A figure in Chinese numerals in a row's cells (零, 二, 十二), not its first; 一 alone may be 1 or a dash typed so.
      if (cellular && (figures || i > 0)) {
        const n = chineseNumeral(t);
        if (n !== null) return { kind: 'number', value: { kind: 'number', value: n, raw: String(n) } };
        if (t === '一') return BAD;
      }
      // Digits a comma parts that are no thousands (5,19 · 1,6) in one cell: a figure its narrow cell
      // wrapped (5,19 / 5), never two cells as in text that sets cells apart by commas.
      if (cellular && /^\d+(?:[,，]\d+)+$/.test(t)) return BAD;
      // (A token alone on its line, as one-cell-per-line layouts print, only when it holds a digit.)
      const lone = tokens.length === 1 && (/\d/.test(t) || APPROX.test(t));
      return (figures || i > 0 || lone) && damaged(t) ? BAD : k;
    });
    let pad = false;
    if (l.furniture && kinds.some((k) => k.kind !== 'number' && k.kind !== 'blank')) return;
    if (cellular) {
      // Empty cells before a row's label are layout (a group column, a page's padding); a
      // row without any number contributes no values, its blanks at most mark a blank row.
      const first = kinds.findIndex((k) => k.kind === 'label' || k.kind === 'number');
      if (first < 0) return;
      if (kinds[first].kind === 'label') { tokens = tokens.slice(first); kinds = kinds.slice(first); }
      pad = !kinds.some((k) => k.kind === 'number');
    }
    tokens.forEach((t, ti) => {
      const { kind, value: v, numbering } = kinds[ti];
      if (kind === 'skip') return;
      if (numbering) { pushLabel(out, t.text, li); return; }
      if (kind === 'bad') {
        const text = t.text.trim();
        out.push(text.includes(UNSURE_MARK) ? badPiece(l, t, li, text.replaceAll(UNSURE_MARK, '?'), t.doubt ?? UNSEEN) : badPiece(l, t, li, text, notAFigure(text)));
        return;
      }
      if (v && t.doubt) {
        out.push(badPiece(l, t, li, t.text.trim(), t.doubt));
      } else if (v?.kind === 'number' && PARENTHESIZED.test(t.text)
        && kinds.slice(0, ti).some((k) => k.kind === 'number' || (k.kind === 'label' && !k.numbering))) {
        // A cell after a row's label or figures printing (114): Excel's accounting format writes
        // −114 so, a note 114 so. Which one is unknown. (Alone at a row's start it numbers the row.)
        const text = t.text.trim();
        out.push(badPiece(l, t, li, text, `这一格印的是“${text}”：括号中的数可能是会计格式的负数，也可能是注释，请核对原表`));
      } else if (v && v.kind === 'number' && LEADING_ZERO.test(v.raw)) {
        // No form prints 00 or 05 for a count: in a cell it is not a figure; in loose text it is
        // figures run together (0 0), as many cells as it has digits at most.
        const raw = v.raw;
        out.push(cellular ? badPiece(l, t, li, raw, notAFigure(raw)) : { kind: 'value', raw, value: null, glued: true, cellular, ref: refOf(t, raw), line: li });
      } else if (v) {
        const blank = v.kind === 'blank';
        const p: ValuePiece = blank
          ? { kind: 'value', raw: '', value: null, glued: false, cellular, ref: refOf(t, t.text.trim()), line: li }
          : { kind: 'value', raw: v.raw, value: v.value, unit: v.unit, glued: false, cellular, ref: refOf(t, v.raw), line: li };
        if (blank && pad) p.pad = true;
        if (l.furniture) p.furniture = true;
        out.push(p);
      } else if (cellular && t.table !== undefined && SEVERAL_FIGURES.test(t.text)) {
        // One cell of a page's table holding figures on several lines (<p>2</p><p>49</p>): a
        // figure its narrow cell wrapped (249) or several figures in one cell; never two cells.
        const text = t.text.trim();
        out.push(badPiece(l, t, li, text, `这一格里印着“${text}”：可能是一个数在格内折了行，也可能是几个数挤在一格，无法确定，请核对原表`));
      } else {
        const last = ti === tokens.length - 1;
        const from = out.length;
        splitMixed(t, li, out, !cellular && kinds.slice(ti + 1).some((k) => k.kind === 'number'),
          !cellular && last && CJK.test(lines[li + 1]?.tokens[0]?.text.trim().charAt(0) ?? ''));
        // A cell's doubt (a PDF's unseen or clipped digits) stays with the figures its words held.
        for (let j = from; t.doubt && j < out.length; j++) {
          const p = out[j];
          if (p.kind === 'value' && p.raw !== '') out[j] = badPiece(l, t, li, p.raw, t.doubt);
        }
      }
    });
  });
  const last = out[out.length - 1];
  // (A page of tables alone ends on its last cell, whole: only loose text, or a file that
  // stops inside a cell, is suspect.)
  if (last?.kind === 'value' && last.raw !== '' && (!last.cellular || endsInCell)) last.cut = true;
  return out;
}
