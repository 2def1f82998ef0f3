/** Every file name the CLI and the import page offer is one the reader takes, as the kind it names. */
import { describe, expect, it } from 'vitest';
import { READABLE_EXTENSIONS, detectKind } from '../../src/lib/parse/detect';

const text = (s: string) => new TextEncoder().encode(s);
const SAMPLES: Record<string, [Uint8Array, string]> = {
  '.pdf': [text('%PDF-1.4\n1 0 obj << >> endobj\n'.repeat(4)), 'pdf'],
  '.docx': [text('PK\x03\x04 word/document.xml ' + 'x'.repeat(80)), 'docx'],
  '.html': [text('<p>某某镇 2023 年度政府信息公开工作年度报告</p>'), 'html'],
  '.htm': [text('<p>报告</p>'.repeat(10)), 'html'],
  '.shtml': [text('<p>报告</p>'.repeat(10)), 'html'],
  '.xhtml': [text('<p>报告</p>'.repeat(10)), 'html'],
  '.txt': [text('某某镇 2023 年度政府信息公开工作年度报告\n'.repeat(3)), 'text'],
  '.md': [text('# 年度报告\n\n| 规章 | 0 |\n'.repeat(3)), 'markdown'],
  '.markdown': [text('# 年度报告\n\n| 规章 | 0 |\n'.repeat(3)), 'markdown'],
  '.csv': [text('规章,0,0,8\n'.repeat(10)), 'csv'],
};

describe('READABLE_EXTENSIONS', () => {
  it('lists exactly the names with a sample here', () => {
    expect([...READABLE_EXTENSIONS].sort()).toEqual(Object.keys(SAMPLES).sort());
  });
  it.each(Object.entries(SAMPLES))('%s is read as the kind it names', (ext, [bytes, kind]) => {
    expect(detectKind(`report${ext.toUpperCase()}`, bytes)).toBe(kind);
  });
});
