/** Who reported and for which year: read from the title, the metadata and the opening text. */
import { templateForYear, type Level, type Template } from '../format';

export interface Identity {
  unit: string | null;
  year: number | null;
  template: Template | null;
  /** Template the table headings point to, whatever the year says. */
  tableTemplate: Template | null;
}

const TITLE = /(\d{4})\s*年\s*度?\s*([^\n，。、；]{0,30}?)\s*(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*(?:\n\s*)?年\s*度\s*(?:工\s*作\s*)?报\s*告/;

const TITLE_WORDS = String.raw`年\s*度?\s*(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*年\s*度\s*(?:工\s*作\s*)?报\s*告`;
const YEAR_ABOVE = new RegExp(String.raw`(?:^|\n)[ \t]*(\d{4})[ \t]*(?:\n[ \t]*){1,3}${TITLE_WORDS}`);
const YEAR_BELOW = new RegExp(String.raw`(?:^|\n)[ \t]*${TITLE_WORDS}[ \t]*(?:\n[ \t]*){1,3}(\d{4})[ \t]*(?:\n|$)`);

function cleanUnit(s: string): string | null {
  const u = s.replace(/^.*[:：]/, '').replace(/[\s《》“”"]/g, '').replace(/(关于|的)$/, '');
  return u.length >= 2 && u.length <= 40 ? u : null;
}

function unitFrom(head: string, m: RegExpExecArray): string | null {
  const after = cleanUnit(m[2] ?? '');
  if (after) return after;
  const lineStart = head.lastIndexOf('\n', m.index) + 1;
  const before = cleanUnit(head.slice(lineStart, m.index));
  if (before) return before;
  const prev = head.slice(0, Math.max(0, lineStart - 1)).trimEnd().split('\n').filter((l) => l.trim()).pop();
  return prev && prev.trim().length <= 30 ? cleanUnit(prev) : null;
}

export function readIdentity(text: string, title?: string): Identity {
  let unit: string | null = null;
  let year: number | null = null;
  for (const source of [title ?? '', text.slice(0, 3000)]) {
    const m = TITLE.exec(source);
    if (!m) continue;
    year = Number(m[1]);
    unit = unitFrom(source, m);
    if (unit) break;
  }
  if (year === null) {
    // A title wrapped in a narrow page (A5, a phone's width) breaks anywhere, even inside a word
    // (…2022年政 / 府信息公开工作年度报告): two lines read as one.
    const lines = text.slice(0, 3000).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 30);
    for (let i = 0; i + 1 < lines.length && year === null; i++) {
      const two = lines[i] + lines[i + 1];
      const m = TITLE.exec(two);
      if (!m || m.index >= lines[i].length) continue;
      year = Number(m[1]);
      unit = unitFrom(two, m);
    }
  }
  if (year === null) {
    // The year's digits in another font: an extractor may set them on a line of their own, just
    // above or below the title's words (2021 / 年度政府信息公开工作年度报告).
    const head = text.slice(0, 3000);
    const apart = YEAR_ABOVE.exec(head) ?? YEAR_BELOW.exec(head);
    if (apart && Number(apart[1]) >= 2008 && Number(apart[1]) <= 2100) year = Number(apart[1]);
  }
  if (year === null) {
    const p = /统计(?:期限|时限|周期)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(text);
    if (p) year = Number(p[1]);
  }
  // The table's own column headings decide the template (a 2023 report may still print the
  // 2019 表二); the year only breaks a tie, when neither or both sets of headings appear.
  // (Also with the spaces and line breaks taken out: a narrow header cell wraps 对外公开总 / 数量.)
  const flat = text.replace(/\s+/g, '');
  const t2021 = /本年制发件数|现行有效件数|本年处理决定数量/.test(flat);
  const t2019 = /本年新制作数量|对外公开总数量|上一年项目数量/.test(flat);
  const tableTemplate = t2021 === t2019 ? null : t2021 ? '2021' : '2019';
  const template = tableTemplate ?? (year !== null ? templateForYear(year) : null);
  return { unit, year, template, tableTemplate };
}

const DEPARTMENT = /(局|委员会|委|办公室|办|厅|中心|署|院|所|队|站|公司|集团)$/;

/** The level a unit's title states; the division code settles the ambiguous cases. */
export function levelOf(unit: string | null, divisionCode: string | null): Level | null {
  if (!unit) return null;
  const u = unit.replace(/人民政府.*$/, '人民政府');
  if (!/人民政府$/.test(u) && DEPARTMENT.test(u) && !/(街道办事处|管委会|管理委员会)$/.test(u)) return 'department';
  if (/(镇|乡|街道|街道办事处)(人民政府)?$/.test(u)) return 'township';
  if (divisionCode) {
    return ({ 2: 'province', 4: 'city', 6: 'county', 9: 'township' } as Record<number, Level>)[divisionCode.length] ?? null;
  }
  if (/省(人民政府)?$/.test(u)) return 'province';
  if (/(县|区)(人民政府)?$/.test(u)) return 'county';
  return null;
}
