/**
 * The form every input kind is brought into before the tables are read: the report's plain
 * text (for its identity and narrative) and its lines of cells in reading order. Each input
 * reader (text, markdown, HTML, PDF) only has to produce this; one table reader does the rest.
 */
import type { InputKind } from '../format';

/**
 * Put by an input's reader in place of digits the page may not show as read (hidden, moved or
 * drawn by styles, set in white or a symbol font): a private-use character no text holds, so the
 * cell is read as one that cannot be read, with UNSEEN as the reason.
 */
export const UNSURE_MARK = '\ue000';
export const UNSEEN = '这一格的数字在原文件中被隐藏、移位、设为白色或由样式画出，看到的是哪个数无法确定，请核对原文件';

/** One cell of text as the input shows it, with where it stands. */
export interface Token {
  /** The cell's text; '' is a cell the layout shows as blank (it becomes null). */
  text: string;
  page?: number;
  line?: number;
  /** HTML: table index, row and column (1-based, after rowspan/colspan). */
  table?: number;
  row?: number;
  col?: number;
  /** Why the reader doubts this figure's cell (PDF: a row printed over several lines), in Chinese. */
  doubt?: string;
}

/** A physical row: a text line split into cells, a PDF row of text items, an HTML <tr>. */
export interface Line {
  tokens: Token[];
  /**
   * True where the layout itself separates cells (HTML cells, PDF columns, tabs, markdown
   * pipes); false for prose lines whose spaces may or may not separate cells.
   */
  cellular?: boolean;
  /** A page number that a row of figures could also print ("- 22 -"): a row only if the table needs it. */
  furniture?: boolean;
  /** The first line of a page in text that marks its pages (pdftotext's form feed). */
  pageStart?: boolean;
}

/** A line's text, its cells run together (a label wrapped over cells reads as one). */
export const lineText = (l: Line): string => l.tokens.map((t) => t.text).join('');

/** A line's words: its cells' text split at white space (`['']` for a line with none). */
export const lineWords = (l: Line): string[] => l.tokens.map((t) => t.text).join(' ').trim().split(/\s+/);

export interface ReportDocument {
  kind: InputKind;
  /** The report's text with its line breaks, for identity and narrative figures. */
  text: string;
  lines: Line[];
  /** The file stops inside a cell's text (an HTML file cut short): its last figure may be cut. */
  endsInCell?: boolean;
  /** A title found in metadata (PDF info, HTML <title>), if any. */
  title?: string;
  /** Its pages are marked (a PDF's own, pdftotext's form feeds): no page's number hides among unmarked lines. */
  paged?: boolean;
}
