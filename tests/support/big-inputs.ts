/** Small files that stand for huge ones, for the limits tests and bench:parse. */
import { buildPdf } from '../fixtures/pdf/make-fixtures';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** A PDF of `n` pages sharing one content stream (a line of text): a few bytes per page. */
export function manyPagesPdf(n: number): Uint8Array {
  const kids = Array.from({ length: n }, (_, i) => `${i + 5} 0 R`).join(' ');
  const content = latin1('BT /F1 12 Tf 72 700 Td (A generated page of a test file, with one line of plain text on it) Tj ET');
  const pages = Array.from({ length: n }, () =>
    latin1('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>'));
  return new Uint8Array(buildPdf([
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1(`<< /Type /Pages /Kids [${kids}] /Count ${n} >>`),
    Buffer.concat([latin1(`<< /Length ${content.length} >>\nstream\n`), content, latin1('\nendstream')]),
    latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    ...pages,
  ]));
}
