/** Who reported and for which year: read from the title, the metadata and the opening text. */
import { templateForYear, type Level, type Template } from '../format';

export interface Identity {
  unit: string | null;
  year: number | null;
  template: Template | null;
  /** Template the table headings point to, whatever the year says. */
  tableTemplate: Template | null;
  /** The title's year and the statistics period's, where they differ (year is then null). */
  yearConflict?: [number, number];
}

// (The year, then on its line the words between it and 信息公开: no other year among them. A
// breadcrumb's 2024年 above a 2023 title is no title's year.)
const TITLE = /(\d{4})[ \t\u3000]*年[ \t\u3000]*度?[ \t\u3000]*((?:(?!\d{4}[ \t\u3000]*年)[^\n，。、；]){0,30}?)\s*(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*的?\s*(?:\n\s*)?年\s*度\s*(?:工\s*作\s*)?报\s*告/;

const TITLE_WORDS = String.raw`年\s*度?\s*(?:政府|政务)?\s*信\s*息\s*公\s*开\s*(?:工\s*作)?\s*年\s*度\s*(?:工\s*作\s*)?报\s*告`;
const YEAR_ABOVE = new RegExp(String.raw`(?:^|\n)[ \t]*(\d{4})[ \t]*(?:\n[ \t]*){1,3}${TITLE_WORDS}`);
const YEAR_BELOW = new RegExp(String.raw`(?:^|\n)[ \t]*${TITLE_WORDS}[ \t]*(?:\n[ \t]*){1,3}(\d{4})[ \t]*(?:\n|$)`);

function cleanUnit(s: string): string | null {
  // (Markdown's heading and emphasis marks are no part of a name.)
  let u = s.replace(/^.*[:：]/, '').replace(/[\s《》“”"#*]/g, '').replace(/(关于|的)$/, '');
  // A notice that publishes the report (关于公布X…的公告, Y关于印发X…的通知): the report is X's.
  const about = /^(.*?)关于(?:公布|印发|发布|公开|报送|上报|转发)?(.*)$/.exec(u);
  if (about) u = about[2] || about[1];
  return u.length >= 2 && u.length <= 40 ? u : null;
}

/**
 * A site's breadcrumb (首页 > 政务公开 > 年报 > 2024年) names the page's place in the site, and a
 * year that may be the publication's: no line of the title.
 */
const BREADCRUMB = /^\s*(?:(?:当前|您的|您现在的|所在)?位置[:：]?\s*)?首页\s*[>＞»›/]|[>＞»›]\s*[^>＞»›\n]{1,30}\s*[>＞»›]/;
const DIGIT_WORDS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * The opening text as a title reads: no breadcrumb lines, a line set letter-spaced (义 乌 市 … 2 0 2 1
 * 年) closed up, a year in Chinese numerals (二〇二三年) in digits.
 */
function titleText(s: string): string {
  return s.split('\n')
    .filter((l) => l.length > 120 || !BREADCRUMB.test(l))
    .map((l) => (/^\s*(?:\S[ \u3000]){7,}\S\s*$/.test(l) ? l.replace(/[ \u3000]/g, '') : l))
    .join('\n')
    .replace(/([〇○零一二三四五六七八九]{4})(?=\s*年)/g, (w) => [...w].map((c) => DIGIT_WORDS[c]).join(''));
}

/** The year of the statistics period (统计期限自2023年1月1日起), if the text states one. */
function periodYear(text: string): number | null {
  const p = /统计(?:期限|时限|周期)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  return p ? Number(p[1]) : null;
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
  const head = titleText(text.slice(0, 3000));
  for (const source of [title && !BREADCRUMB.test(title) ? titleText(title) : '', head]) {
    const m = TITLE.exec(source);
    if (!m) continue;
    year = Number(m[1]);
    unit = unitFrom(source, m);
    if (unit) break;
  }
  if (year === null) {
    // A title wrapped in a narrow page (A5, a phone's width) breaks anywhere, even inside a word
    // (…2022年政 / 府信息公开工作年度报告): two lines read as one.
    const lines = head.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 30);
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
    const apart = YEAR_ABOVE.exec(head) ?? YEAR_BELOW.exec(head);
    if (apart && Number(apart[1]) >= 2008 && Number(apart[1]) <= 2100) year = Number(apart[1]);
  }
  // The title's year and the statistics period's must agree: a report copied from last year's
  // keeps one of them stale, and which cannot be told.
  const period = periodYear(text);
  let yearConflict: [number, number] | undefined;
  if (year === null) year = period;
  else if (period !== null && period !== year) {
    yearConflict = [year, period];
    year = null;
  }
  // The table's own column headings decide the template (a 2023 report may still print the
  // 2019 表二); the year only breaks a tie, when neither or both sets of headings appear.
  // (Also with the spaces and line breaks taken out: a narrow header cell wraps 对外公开总 / 数量.)
  const flat = text.replace(/\s+/g, '');
  const t2021 = /本年制发件数|现行有效件数|本年处理决定数量/.test(flat);
  const t2019 = /本年新制作数量|对外公开总数量|上一年项目数量/.test(flat);
  const tableTemplate = t2021 === t2019 ? null : t2021 ? '2021' : '2019';
  // (Years in conflict still tell the template where both fall in one form's years.)
  const years = year !== null ? [year] : yearConflict ?? [];
  const forms = new Set(years.map(templateForYear));
  const template = tableTemplate ?? (forms.size === 1 ? [...forms][0] : null);
  return { unit, year, template, tableTemplate, ...(yearConflict ? { yearConflict } : {}) };
}

const DEPARTMENT = /(局|委员会|委|办公室|办|厅|中心|署|院|所|队|站|公司|集团)$/;

/** The level a unit's title states; the division code settles the ambiguous cases. */
export function levelOf(unit: string | null, divisionCode: string | null): Level | null {
  if (!unit) return null;
  // (A government's own office, 县人民政府办公室, is one of its departments.)
  if (/人民政府办公(?:室|厅)$/.test(unit)) return 'department';
  // A development zone's or industrial park's committee runs no division of its own (a 综合实验区's
  // or 新区's may: its level is its division's).
  if (/(?:开发区|高新区|园区|保税区)(?:管委会|管理委员会)$/.test(unit)) return 'department';
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
