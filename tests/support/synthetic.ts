/**
 * Synthetic annual reports: random figures that keep the form's own sums, written out in
 * the layouts real reports come in. They test the parser on inputs it has never seen.
 */
import {
  APP_COLS, APP_ROWS, REVIEW_BLOCKS, REVIEW_COLS, T2_ROWS, type Template,
} from '../../src/lib/format';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface Synthetic {
  template: Template;
  year: number;
  cells: Record<string, number | null>;
}

const RESULT_ROWS = ['granted', 'partial', 'denied_state_secret', 'denied_law_prohibited', 'denied_security',
  'denied_third_party', 'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query',
  'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear', 'rejected_petition',
  'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirmation'];

export function makeReport(seed: number, template: Template): Synthetic {
  const r = rng(seed);
  const small = (max: number) => (r() < 0.55 ? 0 : Math.floor(r() * max) + 1);
  const cells: Record<string, number | null> = {};
  for (const row of T2_ROWS[template]) {
    for (const c of row.cols) {
      const k = `t2.${row.stem}.${c.key}`;
      if (c.money === 'wan') cells[k] = Math.round(r() * 9999999) * 100; // 万元 with 2 decimals, in 元
      else if (c.money === 'yuan') cells[k] = Math.floor(r() * 5000000);
      else if (c.key === 'change') cells[k] = Math.floor(r() * 60) - 30;
      else cells[k] = small(3000);
    }
  }
  const otherRows = template === '2021' ? ['other_no_correction', 'other_no_fee', 'other_misc'] : ['other'];
  const cols = APP_COLS.filter((c) => c !== 'total');
  for (const c of cols) {
    const people = c === 'natural' || c === 'commercial';
    const v = (max: number) => (people ? small(max) : r() < 0.9 ? 0 : small(3));
    let handled = 0;
    for (const row of [...RESULT_ROWS, ...otherRows]) { const x = v(row === 'granted' ? 300 : 20); cells[`apps.${row}.${c}`] = x; handled += x; }
    if (template === '2021') cells[`apps.other.${c}`] = otherRows.reduce((s, o) => s + (cells[`apps.${o}.${c}`] as number), 0);
    const carriedOver = v(10);
    const carriedForward = v(10);
    cells[`apps.total.${c}`] = handled;
    cells[`apps.carried_over.${c}`] = carriedOver;
    cells[`apps.carried_forward.${c}`] = carriedForward;
    cells[`apps.new.${c}`] = handled + carriedForward - carriedOver;
    if (cells[`apps.new.${c}`]! < 0) { cells[`apps.carried_over.${c}`] = 0; cells[`apps.new.${c}`] = handled + carriedForward; }
  }
  for (const row of APP_ROWS.filter((x) => x.templates.includes(template))) {
    cells[`apps.${row.row}.total`] = cols.reduce((s, c) => s + (cells[`apps.${row.row}.${c}`] as number), 0);
  }
  for (const b of REVIEW_BLOCKS) {
    let t = 0;
    for (const c of REVIEW_COLS.filter((x) => x !== 'total')) { const x = small(6); cells[`${b}.${c}`] = x; t += x; }
    cells[`${b}.total`] = t;
  }
  return { template, year: template === '2021' ? 2021 + Math.floor(r() * 5) : 2019 + Math.floor(r() * 2), cells };
}

/** The printed rows of each table: label and the cells' keys, in form order. */
export function printedRows(s: Synthetic): { table: 't2' | 't3' | 't4'; label: string; keys: string[] }[] {
  const out: { table: 't2' | 't3' | 't4'; label: string; keys: string[] }[] = [];
  for (const row of T2_ROWS[s.template]) out.push({ table: 't2', label: row.label, keys: row.cols.map((c) => `t2.${row.stem}.${c.key}`) });
  for (const row of APP_ROWS.filter((x) => x.templates.includes(s.template) && !(s.template === '2021' && x.row === 'other'))) {
    out.push({ table: 't3', label: row.label, keys: APP_COLS.map((c) => `apps.${row.row}.${c}`) });
  }
  out.push({ table: 't4', label: '', keys: REVIEW_BLOCKS.flatMap((b) => REVIEW_COLS.map((c) => `${b}.${c}`)) });
  return out;
}

export function printed(s: Synthetic, key: string): string {
  const v = s.cells[key];
  if (v === null) return '';
  if (key === 't2.fees.amount_yuan' && s.template === '2021') return (v / 10000).toFixed(2);
  return String(v);
}

export function heading(s: Synthetic): string {
  return `某某街道办事处\n${s.year}年度政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息 321 条。\n二、主动公开政府信息情况\n`;
}

export const T2_HEAD: Record<Template, string> = {
  '2019': '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '2021': '第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
};
export const T3_HEAD = '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他';
export const T4_HEAD = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉';
export const TAIL = '五、存在的主要问题及改进情况\n一是公开的内容不全面。\n六、其他需要报告的事项\n无。';
