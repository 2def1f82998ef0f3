/**
 * Rows a body adds under the form's rows (session 26's red team): 其中 sub-items whose words
 * repeat the row's own — 其中：行政许可网上办理 under 行政许可, 其中：予以公开（当场答复） under
 * 予以公开 — with figures of their own; and notes in brackets beside a row's own name
 * (（其中含网上办理的）). Sub-items are no rows of the form; the row above stays its row.
 */
import { pick, spell } from './synthetic-figures';
import { RESULT_HEAD, REVIEW_KEYS, SECTION } from './synthetic-forms';
import { tabbed, type Ctx, type SyntheticDoc } from './synthetic-layouts';

const ITEM = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/;
const OPENERS = ['其中：', '其中:', '其中，', '其中 ', '  其中：'];
const ENDINGS = ['（网上办理）', '网上办理', '（当场答复）', '中按期办结', '（涉企）', '（修订）', '中的咨询'];

export function subItems(c: Ctx): SyntheticDoc {
  const d = tabbed(c);
  const out: string[] = [];
  for (const line of d.text.split('\n')) {
    const fields = line.split('\t');
    // The row's first cell: the first after its label that holds no Chinese but a blank's 无.
    const found = fields.findIndex((f, i) => i > 0 && !/[\u4e00-\u9fff]/.test(f.replace(/无/g, '')));
    // (表四's row has no label: it gets neither.)
    const at = found > 0 && /[\u4e00-\u9fff]{2}/.test(fields[found - 1]) ? found : -1;
    // A note in brackets beside the row's own name keeps the row: 予以公开（其中含网上办理的）.
    if (at >= 1 && c.r() < 0.15) fields[at - 1] += pick(c.r, ['（其中含网上办理的）', '(其中含当场答复)']);
    out.push(fields.join('\t'));
    if (at < 1 || c.r() > 0.3) continue;
    const name = fields[at - 1].replace(ITEM, '').replace(/（[^）]*）$/, '').replace(/（[^）]*）$/, '');
    if (!/[\u4e00-\u9fff]{2}/.test(name) || /勾稽关系/.test(name)) continue;
    const figures = fields.slice(at).map(() => String(Math.floor(c.r() * (c.r() < 0.5 ? 10 : 300))));
    out.push([`${pick(c.r, OPENERS)}${name}${pick(c.r, ENDINGS)}`, ...figures].join('\t'));
  }
  return { ...d, text: out.join('\n') };
}

/**
 * A 序号 column before each row's name: under a header cell 序号 or 编号, or with no header; the
 * numbers run on through all the tables or start again in each (表二's items, 表三). 表四's
 * row, which has no name, gets none.
 */
export function rowNumbers(c: Ctx, spaced = false): SyntheticDoc {
  const d = tabbed(c);
  // (Loose text has no table to number: there the head is what says the numbers are rows'.)
  const head = pick(c.r, spaced ? ['序号', '编号', '行次'] : ['序号', '编号', '']);
  const restart = c.r() < 0.5;
  const cjk = /[\u4e00-\u9fff]/;
  let n = 0;
  const out = d.text.split('\n').map((line) => {
    const fields = line.split('\t');
    if (fields.length < 2) {
      // A table's title line: numbering may start again under it.
      if (restart && /第二十条|收到和处理|行政复议/.test(line)) n = 0;
      return line;
    }
    if (fields.every((f) => cjk.test(f))) return head ? [head, ...fields].join('\t') : line;
    return cjk.test(fields[0]) ? [String(++n), ...fields].join('\t') : line;
  });
  const text = out.join('\n');
  return { ...d, text: spaced ? text.replaceAll('\t', ' ') : text };
}

// (Not 注 3 with a space: in text split at spaces it is a figure 5注 and a cell 3, flagged as such.)
const FOOTNOTE_MARKS = ['①', '②', '⑫', '⑴', '⑵', '¹', '²³', '⁽¹⁾', '^1', '[^2]', '[1]', '[注2]', '注1', '※', '†', '（注）', '(注1)'];

/** Figures that carry a footnote's mark (28①, 0¹, 1164注1, 10（注）): the figure is read whole. */
export function footnoteMarks(c: Ctx): SyntheticDoc {
  return tabbed(c, (_k, s) => (/^\d+(?:\.\d+)?$/.test(s) && c.r() < 0.15 ? `${s}${pick(c.r, FOOTNOTE_MARKS)}` : s));
}

/** Counts printed with their counting word (22810宗, 7条, 0个); money keeps its own unit. */
export function countWords(c: Ctx): SyntheticDoc {
  const words = ['件', '宗', '个', '项', '条', '次', '人', '起', '份'];
  return tabbed(c, (k, s) => (/^\d+$/.test(s) && !/yuan|amount/.test(k) && c.r() < 0.3 ? `${s}${pick(c.r, words)}` : s));
}

/**
 * 表四 a block a row: 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉, each name beside its
 * five figures under one head of the five results; tab-separated, a Markdown pipe table, or spaced.
 */
export function reviewBlockRows(c: Ctx): SyntheticDoc {
  const d = tabbed(c);
  const lines = d.text.split('\n');
  const at = lines.findIndex((l) => SECTION.t4.includes(l));
  const names = [['行政复议'], pick(c.r, [['行政诉讼-未经复议直接起诉'], ['行政诉讼（未经复议直接起诉）'], ['行政诉讼', '未经复议直接起诉']]), ['复议后起诉']];
  if (names[1].length === 2) names[2] = ['', '复议后起诉'];
  const wide = Math.max(...names.map((n) => n.length));
  const pad = (n: string[]) => [...n, ...Array<string>(wide - n.length).fill('')];
  const rows = [[...pad(['类别']), ...RESULT_HEAD], ...[0, 1, 2].map((i) => REVIEW_KEYS.slice(5 * i, 5 * i + 5)).map((ks, i) => [...pad(names[i]), ...ks.map((k) => spell(c.t, k, c.blank()))])];
  const kind = Math.floor(c.r() * 3);
  const table = kind === 0 ? rows.map((r) => r.join('\t'))
    : kind === 1 ? [`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => '---|').join('')}`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)]
      : rows.map((r) => r.filter((x) => x !== '').join('  '));
  lines.splice(at + 1, 3, ...table);
  return { ...d, name: kind === 1 ? 'report.md' : d.name, text: lines.join('\n') };
}

const CN = '零一二三四五六七八九';
const chinese = (n: number) => (n < 10 ? CN[n] : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`);

/**
 * Figures written in Chinese numerals (零, 二, 十二, 三十五) among digits; 1 written 一, which is
 * also how a dash is often typed, must be flagged.
 */
export function chineseNumerals(c: Ctx): SyntheticDoc {
  return tabbed(c, (k, s) => {
    if (!/^\d+$/.test(s) || Number(s) > 99 || c.r() > 0.12) return s;
    if (s === '1') c.t.mustFlag.add(k);
    return chinese(Number(s));
  });
}

const REMARKS = ['', '', '', '', '见说明', '含上年结转1件', '均已按期答复', '已办结', '—', '/'];

/**
 * A 备注 column after each table's figures, named in the table's first header line: remarks in
 * words, a dash, or nothing; with `numbers`, also a bare number.
 */
export function remarkColumn(c: Ctx, numbers = false): SyntheticDoc {
  const remarks = numbers ? [...REMARKS, '3', '12'] : REMARKS;
  const d = tabbed(c);
  const cjk = /[\u4e00-\u9fff]/;
  let prevTabbed = false;
  const out = d.text.split('\n').map((line) => {
    const fields = line.split('\t');
    const tabbedLine = fields.length >= 2;
    const first = tabbedLine && !prevTabbed;
    prevTabbed = tabbedLine;
    if (!tabbedLine) return line;
    if (fields.every((f) => cjk.test(f))) return first ? `${line}\t备注` : line;
    return `${line}\t${pick(c.r, remarks)}`;
  });
  return { ...d, text: out.join('\n') };
}
