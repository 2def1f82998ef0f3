/**
 * The two Python extractors whose dumps the corpus holds beside its PDFs (`.pypdf.txt`,
 * `.pdfminer.txt`) and PyMuPDF, common in data pipelines, run as people run them: Debian's
 * python3-pypdf (`extract_text` of each page), python3-pdfminer (`extract_text` with its default
 * layout analysis) and python3-fitz (`get_text` of each page), with the system python, where
 * `.ci/run` installs them.
 */
import { execFileSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

const SCRIPTS = {
  pypdf: 'import sys\nfrom pypdf import PdfReader\nopen(sys.argv[2], "w").write("\\n".join(p.extract_text() for p in PdfReader(sys.argv[1]).pages))',
  pdfminer: 'import sys\nfrom pdfminer.high_level import extract_text\nopen(sys.argv[2], "w").write(extract_text(sys.argv[1]))',
  pymupdf: 'import sys, fitz\nopen(sys.argv[2], "w").write("".join(p.get_text() for p in fitz.open(sys.argv[1])))',
} as const;

export type PythonExtractor = keyof typeof SCRIPTS;

export function isPythonExtractor(name: string): name is PythonExtractor {
  return name in SCRIPTS;
}

/** Writes what `tool` extracts from `pdf` to `txt`; throws when the tool is missing. */
export function extractWith(tool: PythonExtractor, pdf: string, txt: string): void {
  execFileSync(PYTHON, ['-c', SCRIPTS[tool], pdf, txt]);
}
