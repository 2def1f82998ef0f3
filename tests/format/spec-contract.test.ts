/**
 * The format module against the contract it is written from, ../shared/spec/report-format.md:
 * the spec's own text is parsed here, so a label or an order changed in src/lib/format (the
 * 科研机构 ↔ 社会公益组织 swap, a row moved) fails even where the parser, which reads by
 * position and cue words, would not notice.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_COLS, APP_COL_LABELS, APP_ROWS, REVIEW_BLOCKS, REVIEW_BLOCK_LABELS, REVIEW_COLS, REVIEW_COL_LABELS,
} from '../../src/lib/format/templates';
import { T2_ROWS } from '../../src/lib/format/table2';

const SPEC = readFileSync(resolve('..', 'shared', 'spec', 'report-format.md'), 'utf8');

/** The text of the spec between a heading and the next heading of the same level. */
function section(heading: string): string {
  const start = SPEC.indexOf(heading);
  if (start < 0) throw new Error(`spec has no heading ${heading}`);
  const next = SPEC.indexOf('\n## ', start + heading.length);
  return SPEC.slice(start, next < 0 ? undefined : next);
}

/** `key` 标签 pairs in the order the spec writes them. */
function pairs(text: string): [string, string][] {
  return [...text.matchAll(/`(\w+)`\s+([\u4e00-\u9fff·\s]+?)(?=\s*(?:·|$|\n|\.|,|，|`|\bunder\b|\band\b))/g)]
    .map((m) => [m[1], m[2].trim()] as [string, string]);
}

describe('the format module follows the spec', () => {
  const t3 = section('## 表三');
  const t4 = section('## 表四');

  it('表三 columns: keys, order and labels', () => {
    const cols = t3.slice(t3.indexOf('Columns'), t3.indexOf('| row |'));
    const spec = pairs(cols);
    expect(spec.map(([k]) => k)).toEqual(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total']);
    expect(APP_COLS).toEqual(spec.map(([k]) => k));
    for (const [k, label] of spec) expect(APP_COL_LABELS[k as keyof typeof APP_COL_LABELS], k).toBe(label);
  });

  it('表三 rows: keys, order, labels and templates', () => {
    const rows = [...t3.matchAll(/^\| `(\w+)` \| (.+?) \| (both|2021|2019) \|$/gm)].map((m) => ({ row: m[1], label: m[2], templates: m[3] }));
    expect(rows.length).toBe(26);
    expect(APP_ROWS.map((r) => r.row)).toEqual(rows.map((r) => r.row));
    for (const r of rows) {
      const mine = APP_ROWS.find((a) => a.row === r.row)!;
      // The spec adds a gloss after " — " or a parenthesis the form does not print: compare the printed start.
      const printed = r.label.split(' — ')[0];
      expect(printed.startsWith(mine.label) || mine.label.startsWith(printed), r.row).toBe(true);
      expect([...mine.templates].sort().join(','), r.row).toBe(r.templates === 'both' ? '2019,2021' : r.templates);
    }
  });

  it('表四 blocks and columns: keys, order and labels', () => {
    const cols = pairs(t4.slice(t4.indexOf('Five columns'), t4.indexOf('| block |')));
    expect(cols.map(([k]) => k)).toEqual(['upheld', 'corrected', 'other', 'pending', 'total']);
    expect(REVIEW_COLS).toEqual(cols.map(([k]) => k));
    for (const [k, label] of cols) expect(REVIEW_COL_LABELS[k as keyof typeof REVIEW_COL_LABELS], k).toBe(label);
    const blocks = [...t4.matchAll(/^\| `(\w+)` \| (.+?) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(REVIEW_BLOCKS).toEqual(blocks.map(([k]) => k));
    for (const [k, label] of blocks) expect(REVIEW_BLOCK_LABELS[k as keyof typeof REVIEW_BLOCK_LABELS].replace(/\s+/g, ''), k).toBe(label.replace(/\s+/g, ''));
  });

  it('表二 of each template: keys, order, row and column labels, and the 项 of each row', () => {
    const t2 = section('## 表二');
    for (const t of ['2019', '2021'] as const) {
      const part = t2.slice(t2.indexOf(`### Template ${t}`), t === '2019' ? t2.indexOf('### Template 2021') : undefined);
      const spec: { key: string; item: string; row: string; col: string }[] = [];
      let item = '';
      for (const m of part.matchAll(/^\| (`.+?`) \| (.+?) \| (.+?) \| (.+?) \|$/gm)) {
        const names = [...m[1].matchAll(/`([\w.]+)`/g)].map((k) => k[1]);
        const stem = names[0].split('.').slice(0, 2).join('.');
        const keys = [names[0], ...names.slice(1).map((k) => `${stem}${k}`)];
        if (m[2] !== '〃') item = m[2];
        const written = m[4].split(',')[0].trim();
        // "same three": the three columns of the row above.
        const cols = written.startsWith('same') ? spec.slice(-3).map((c) => c.col) : written.split(' · ');
        expect(cols.length, m[0]).toBe(keys.length);
        keys.forEach((key, i) => spec.push({ key, item, row: m[3], col: cols[i] }));
      }
      const mine = T2_ROWS[t].flatMap((r) => r.cols.map((c) => ({ key: `t2.${r.stem}.${c.key}`, item: r.item, row: r.label, col: c.label })));
      expect(mine, t).toEqual(spec);
    }
  });
});
