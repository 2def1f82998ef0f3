/** What counts as a table value in a PDF cell: a number, or a printed "not reported" mark. */
// Full-width digits (１２３) occur in real reports; they are numbers all the same.
const NUMBER = /^[-−－]?[\d０-９]+(?:[.,，．][\d０-９]+)*[%％]?$/;
/** Printed marks for "not reported", which still occupy a value column. */
const PLACEHOLDER = /^[/／—–\-－﹣]+$|^无$/;

export function isNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** A cell that stands for a figure that cannot be read (pictures.ts): it occupies its column too. */
const UNREADABLE = /^\ue000+$/;

export function isValue(text: string): boolean {
  return NUMBER.test(text) || PLACEHOLDER.test(text) || UNREADABLE.test(text);
}
