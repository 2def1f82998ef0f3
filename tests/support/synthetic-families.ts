/** The layout families the parser is held to: issue 8's, and those the red team found. */
import { BLANK_MARKS, makeTruth, pick, rng, type BlankPolicy } from './synthetic-figures';
import type { Form } from './synthetic-forms';
import { cellPerLine, impossible, miniTables, padded, pdftotext, scrambled, spellings, splitPages, tabbed, type Ctx, type SyntheticDoc } from './synthetic-layouts';
import { movedColumnsTables, priorYearColumn, spreadsheet, textTables } from './synthetic-layouts-sheets';
import { mineruMarkdown } from './synthetic-layouts-markdown';
import { narrowColumns } from './synthetic-layouts-pdf';
import { figuresFirst } from './synthetic-layouts-default';
import { pypdfAcrossBlanks, pypdfText } from './synthetic-layouts-pypdf';
import { wordDefault, wordLayout } from './synthetic-layouts-word';
import { chineseNumerals, countWords, footnoteMarks, remarkColumn, reviewBlockRows, rowNumbers, subItems } from './synthetic-layouts-rows';
import { damagedCells, halfRowOff, headerUnits, movedColumns, paddedBlankReview, rawText, runTogether, valuePerLine } from './synthetic-layouts-found';

export type { SyntheticDoc };

export interface Family {
  id: string;
  title: string;
  /** A person can read every cell of it; the ≥ 99.5 % exact target applies. */
  readable: boolean;
  make: (seed: number) => SyntheticDoc;
}

function family(id: string, title: string, readable: boolean, write: (c: Ctx) => SyntheticDoc,
  o: { forms?: Form[]; late?: boolean; big?: boolean; six?: boolean; blanks?: BlankPolicy[]; marks?: string[]; possible?: boolean } = {}): Family {
  return {
    id, title, readable,
    make: (seed) => {
      const r = rng(seed * 97 + id.length);
      const form = pick<Form>(r, o.forms ?? ['2019', '2021']);
      const year = o.late ? 2022 + Math.floor(r() * 4) : undefined;
      const t = makeTruth(r, form, { year, big: o.big, blanks: pick(r, o.blanks ?? ['none', 'columns', 'zeros']), sixDecimals: o.six && r() < 0.7, possible: o.possible });
      const marks = o.marks ?? BLANK_MARKS;
      const one = pick(r, marks);
      const mixed = r() < 0.3;
      return write({ t, r, blank: () => (mixed ? pick(r, marks) : one) });
    },
  };
}

export const FAMILIES: Family[] = [
  family('f1', 'pdftotext 默认模式（标签与数字分开）', true, pdftotext),
  family('f1c', 'pdftotext 默认模式：每行数字印在行名之前，分印多行，窄格相连，分页后先印首列，表四跨过下一节标题', true, (c) => figuresFirst(c, { t4Past: true }), { blanks: ['none'] }),
  family('f1f', 'pdftotext 默认模式：每行数字印在行名之前，为零的格印作 — 或 /，记号与后一个数连写（—0、——）', true, (c) => figuresFirst(c, { t4Past: true }), { blanks: ['zeros', 'columns'], marks: ['—', '/', '／'] }),
  family('f1g', 'pdftotext 默认模式：为零的格印作 ——，相邻的空格连成 ————、——————', true, (c) => figuresFirst(c, { t4Past: true }), { blanks: ['zeros', 'columns'], marks: ['——'] }),
  family('f1h', 'pdftotext 默认模式：表四的几个数印在表三末行之前（表三应全部读出，表四无法确定位置，只要求不出错）', false, (c) => figuresFirst(c, { t4Lent: true }), { blanks: ['none'] }),
  family('f1i', 'pdftotext 默认模式：分页后先印首列的一段行中，某行最后几格另起一行印在这段之后、末行之前，空格印作 —', false, (c) => figuresFirst(c, { tailMoved: true }), { blanks: ['zeros'], marks: ['—'] }),
  family('f1d', 'pdftotext 默认模式：每行数字印在行名之前，有空格，表四跨过下一节标题', false, (c) => figuresFirst(c, { t4Past: true })),
  family('f1e', 'pdftotext 默认模式：表二的数字也印在行名之前', false, (c) => figuresFirst(c, { t2Too: true, t4Past: true })),
  family('f2', '手机页面：管道行两端有空的布局格', true, padded, { marks: [...BLANK_MARKS, ''] }),
  family('f3', '每格一行，表头词折行', true, cellPerLine),
  family('f4', 'OCR 每行一张小表（通用表头）', true, miniTables, { marks: [...BLANK_MARKS, ''] }),
  family('f5', 'Markdown 跨页断表，单元格内有注释', true, splitPages, { marks: [...BLANK_MARKS, ''] }),
  family('f7', '2022 年后仍用 2019 年版表格', true, (c) => (c.r() < 0.5 ? tabbed(c) : padded(c)), { forms: ['2019'], late: true }),
  family('f8', '数字写法（千位分隔、全角、六位小数、无分隔日期）', true, spellings, { big: true, six: true }),
  family('f9', '不可能的值（负数、小数）', false, impossible),
  family('f10', '乱序行、长数字串', false, scrambled),
  family('f1b', 'pdftotext 默认模式，空格不印', false, pdftotext, { marks: [''] }),
  family('f3b', '每格一行，空格为空行', false, cellPerLine, { marks: [''] }),
  family('f11', '表头注明金额单位（采购总金额（万元）、收费金额（元））', true, headerUnits),
  family('f12', '表三申请人列换了顺序或多出小计列（一行表头写明各列，组织各列或写作“法人或其他组织-商业企业”；或两行表头逐行印出）', true, movedColumns),
  family('f12t', '表三申请人列换了顺序（总计在前、自然人在后或法人各列互换），表头一行写明各列：CSV、制表符、pandoc、Markdown 网格表与管道表', false, movedColumnsTables, { big: true }),
  family('f2b', '手机页面，表四也有空格，与布局格分不清', false, paddedBlankReview, { marks: [''] }),
  family('f13', '坏格：识别错的字母、夹杂的符号、约数、看不见的字符', false, damagedCells),
  family('f14', '行名与数字连写，空格印作 / 或 —', false, runTogether, { marks: ['/', '—', '／'] }),
  family('f16', 'pdftotext -raw：单个空格分隔，空格不印，行尾数字与下一项标题相连', false, rawText, { marks: [''] }),
  family('f17', '无框线紧排的表三（pdftotext -layout）：行名折行，数字可能错开半行', false, halfRowOff, { marks: BLANK_MARKS.filter((m) => m !== '-') }),
  family('f18', 'Excel 导出的 CSV 与复制的制表符文本：合并单元格留空，空格为空字段', true, spreadsheet, { big: true }),
  family('f19', 'pandoc 纯文本表格（虚线分列、按显示宽度对齐、单元格折行）与 Markdown 网格/管道表，合并的行名列', true, textTables, { big: true }),
  family('f27', 'PDF 转 Markdown 工具（MinerU 等）：有合并格的表写成 HTML 嵌在正文中（跨行跨列、整表一行或每行一行），管道表的格加粗、斜体或代码格式', true, mineruMarkdown, { big: true }),
  family('f20', 'pdftotext -layout 的窄列表格：分页符、行名折行时一行数字分印两行、0 与后一个数连写', true, narrowColumns, { marks: BLANK_MARKS.filter((m) => m !== '-') }),
  family('f20b', 'pdftotext -layout 的窄列表格，分印两行的行里也有空格', false, (c) => narrowColumns(c, true), { marks: BLANK_MARKS.filter((m) => m !== '-') }),
  family('f21', 'pypdf 提取的文本：行名与数字同行，窄列的数字连写（0 0 0018），行名与首个数连写，空格印作记号', true, pypdfText, { marks: ['/', '—', '／'] }),
  family('f21b', 'pypdf 提取的文本，空格不印（连写的数字与未印出的空格分不清）', false, pypdfText, { marks: [''] }),
  family('f21g', 'pypdf 提取的文本，空格不印，数字隔着空格也连写（2 010：0、空格、10）', false, pypdfAcrossBlanks, { marks: [''] }),
  family('f21w', 'pypdf 提取的文本，空格印作“无”并与数字或行名连写（无363、国家秘密无 5）', true, pypdfText, { marks: ['无'] }),
  family('f15', '数字逐个一行，表二与表三各自按行或按列', false, valuePerLine, { possible: true, marks: BLANK_MARKS.filter((m) => m !== '-') }),
  family('f1j', 'pdftotext 默认模式，Word 生成的 PDF：每格一段，几行一组按列印出，行名另印且次序不全', false, wordDefault),
  family('f22', '表二、表三的行下加印“其中”子项，子项用了本行的词（其中：行政许可网上办理）', true, subItems),
  family('f26', '表末加“备注”列（表头写明；备注为文字、破折号或空）', true, remarkColumn),
  family('f26b', '表末加“备注”列，备注也可能是一个数：只有一行的表（表四）多出一个数时无法确定，标记', false, (c) => remarkColumn(c, true)),
  family('f28', '表三多出“上年同期”一列（在自然人前或总计后，表头写明；CSV、Markdown 网格或管道表）', true, priorYearColumn),
  family('f29', '数字后带量词（22810宗、7条、0个、3人）', true, countWords),
  family('f30', '表四每类一行（行政复议、未经复议直接起诉、复议后起诉各一行五格，一行表头）：制表符、管道表或空格分隔', true, reviewBlockRows),
  family('f25', '格中的数用汉字写（零、二、十二、三十五；一 可能是 1 也可能是破折号，须标记）', true, chineseNumerals),
  family('f24', '数字后带脚注记号（28①、0⑴、0¹、0⁽¹⁾、0^1、1164注1、10（注）、0[1]）', true, footnoteMarks),
  family('f23', '表格加印序号列（表头为序号、编号或无表头；序号贯穿各表或每表重新编号）', true, rowNumbers),
  family('f23s', '同 f23，格间只隔一个空格（网页存为文本）：序号列在表头写明', true, (c) => rowNumbers(c, true)),
  family('f20w', 'pdftotext -layout，Word 的窄列：行名在格内折行，宽的数在格内折到下一行（178 / 8）', false, wordLayout, { big: true, marks: [...BLANK_MARKS.filter((m) => m !== '-'), ''] }),
];
