import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFile } from '../../src/lib/parse';
import { loadDivisions } from '../../src/lib/divisions/load';
import { isFailure, keyColumn, type ParsedReport } from '../../src/lib/format';
import {
  acceptProblem, correct, currentEntries, effectiveReport, entryRow, isCurrent, mergeEntries, nextVersion, slotOf,
  type WorkspaceEntry,
} from '../../src/lib/workspace/model';
import { exportWorkspace, readWorkspaceFile, WorkspaceFileError } from '../../src/lib/workspace/file';
import { sourceContext, parseCellInput } from '../../src/lib/import/context';
import { CORPUS_DIR } from '../support/gold';

const CORPUS = resolve(CORPUS_DIR, 'reports');

async function parse(name: string): Promise<ParsedReport> {
  const r = await parseFile(name, new Uint8Array(readFileSync(resolve(CORPUS, name))), loadDivisions());
  if (isFailure(r)) throw new Error(r.error.message);
  return r;
}

function entry(id: string, parsed: ParsedReport, version: number, over: Partial<WorkspaceEntry> = {}): WorkspaceEntry {
  return {
    id, parsed, corrections: [], identity: {}, version, acceptedAt: '2026-01-01T00:00:00.000Z',
    source: { name: parsed.file, kind: parsed.input, lines: [{ line: 1, text: '一、总体情况' }] }, ...over,
  };
}

describe('workspace model', () => {
  let chaihe: ParsedReport;
  let shanghai: ParsedReport;
  beforeAll(async () => {
    chaihe = await parse('chaihe-2020.txt');
    shanghai = await parse('shanghai-stcsm-2024.md');
  });

  it('keeps the parsed value beside the correction, one correction per cell, and re-runs the checks', () => {
    const key = 'apps.new.total';
    const was = chaihe.cells[key];
    const c1 = correct(chaihe, [], key, 999, ' 核对 ', '2026-01-02T00:00:00.000Z');
    expect(c1).toEqual([{ key, parsed: was, value: 999, at: '2026-01-02T00:00:00.000Z', note: '核对' }]);
    const c2 = correct(chaihe, c1, key, 1000, '');
    expect(c2).toHaveLength(1);
    expect(c2[0]).toMatchObject({ parsed: was, value: 1000 });
    // Back to the parsed value without a note: no correction left.
    expect(correct(chaihe, c2, key, was, '')).toEqual([]);
    expect(() => correct(chaihe, [], 'no.such.key', 1, '')).toThrow();

    const eff = effectiveReport(chaihe, c2);
    expect(eff.cells[key]).toBe(1000);
    expect(chaihe.cells[key]).toBe(was);
    // 柴河镇 2020 received and handled no application (all of 表三 is 0 in the answer key), so
    // 1000 received breaks rule 1 on the 总计 column and rule 3 on the 本年新收 row.
    expect(was).toBe(0);
    expect(eff.findings.map((f) => [f.rule, f.message])).toEqual([
      [1, '表三 · （七）总计 · 总计: 应为 1000，印为 0'],
      [3, '表三 · 一、本年新收政府信息公开申请数量 · 总计: 应为 0，印为 1000'],
    ]);
  });

  it('a corrected uncertain cell is no longer uncertain; a null correction means 未报告', () => {
    const key = Object.keys(chaihe.cells)[0];
    const parsed = { ...chaihe, uncertain: { ...chaihe.uncertain, [key]: '数字粘连' } };
    const eff = effectiveReport(parsed, correct(parsed, [], key, null, '原文空白'));
    expect(eff.cells[key]).toBeNull();
    expect(key in eff.uncertain).toBe(false);
  });

  it('fills in identity the parser could not read and refuses to accept without unit and year', () => {
    const bare = { ...chaihe, unit: null, year: null };
    expect(acceptProblem(effectiveReport(bare, []))).toMatch(/单位/);
    expect(acceptProblem(effectiveReport(bare, [], { unit: '柴河镇人民政府' }))).toMatch(/年度/);
    const fixed = effectiveReport(bare, [], { unit: '柴河镇人民政府', year: 2020, divisionCode: '231083104', divisionName: '黑龙江省牡丹江市海林市柴河镇' });
    expect(acceptProblem(fixed)).toBeNull();
    expect(slotOf(fixed)).toBe(slotOf(chaihe));
  });

  it('numbers versions per unit and year, counting a shipped report as version 1; the highest is current', () => {
    const slot = slotOf(chaihe);
    expect(nextVersion([], slot, new Set())).toBe(1);
    expect(nextVersion([], slot, new Set([slot]))).toBe(2);
    const a = entry('user-a', chaihe, 2);
    const b = entry('user-b', chaihe, 3, { corrections: correct(chaihe, [], 'apps.new.total', 5, '') });
    const s = entry('user-s', shanghai, 1);
    expect(nextVersion([a, b, s], slot, new Set([slot]))).toBe(4);
    expect(currentEntries([a, b, s]).map((e) => e.id)).toEqual(['user-b', 'user-s']);
    expect(isCurrent([a, b, s], a)).toBe(false);
    // Deleting the newest brings the older version back.
    expect(currentEntries([a, s]).map((e) => e.id)).toEqual(['user-a', 'user-s']);
    expect(entryRow(b)[keyColumn('apps.new.total')]).toBe(5);
    expect(entryRow(b).report_id).toBe('user-b');
  });

  it('merges an imported workspace without overwriting: same ids skipped, clashing versions renumbered', () => {
    const a = entry('user-a', chaihe, 1);
    const other = entry('user-x', chaihe, 1);
    const s = entry('user-s', shanghai, 1);
    const m = mergeEntries([a], [a, other, s]);
    expect(m.added).toBe(2);
    expect(m.skipped).toBe(1);
    expect(m.entries.find((e) => e.id === 'user-x')?.version).toBe(2);
    expect(m.entries.find((e) => e.id === 'user-s')?.version).toBe(1);
  });

  it('exports and reads back exactly, with format version and checksum', async () => {
    const entries = [
      entry('user-b', shanghai, 1),
      entry('user-a', chaihe, 2, { corrections: correct(chaihe, [], 'apps.granted.total', 3, '核对'), identity: { year: 2020 } }),
    ];
    const text = await exportWorkspace(entries, '2026-01-01T00:00:00.000Z');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'gongkai-workspace', version: 1, exported: '2026-01-01T00:00:00.000Z' });
    expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const back = await readWorkspaceFile(text);
    expect(back.map((e) => e.id)).toEqual(['user-a', 'user-b']);
    expect(back).toEqual(JSON.parse(JSON.stringify([entries[1], entries[0]])));
    expect(await exportWorkspace(back, '2026-01-01T00:00:00.000Z')).toBe(text);
  });

  it('refuses a corrupt, truncated, foreign or newer file with a Chinese message', async () => {
    const text = await exportWorkspace([entry('user-a', chaihe, 1)]);
    const file = JSON.parse(text);
    const cases: [string, RegExp][] = [
      [text.slice(0, 200), /JSON/],
      ['{"hello":1}', /不是公开年报看板/],
      [JSON.stringify({ ...file, version: 2 }), /版本为 2/],
      [JSON.stringify({ ...file, entries: [{ ...file.entries[0], version: 9 }] }), /校验和/],
      [JSON.stringify({ ...file, checksum: undefined }), /校验和/],
    ];
    for (const [body, msg] of cases) {
      const err = await readWorkspaceFile(body).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkspaceFileError);
      expect((err as Error).message).toMatch(msg);
      expect((err as Error).message).toContain('没有任何改动');
    }
  });
});

describe('review helpers', () => {
  it('shows a PDF cell with its whole page and a text cell with the lines around it', () => {
    const pdf = [{ page: 1, line: 1, text: 'a' }, { page: 2, line: 1, text: 'b' }, { page: 2, line: 2, text: 'c' }];
    expect(sourceContext(pdf, { page: 2, line: 2, text: '5' }).map((l) => [l.text, l.hit])).toEqual([['b', false], ['c', true]]);
    const txt = Array.from({ length: 30 }, (_, i) => ({ line: i + 1, text: `L${i + 1}` }));
    const ctx = sourceContext(txt, { line: 10, text: '5' }, 2);
    expect(ctx.map((l) => l.text)).toEqual(['L8', 'L9', 'L10', 'L11', 'L12']);
    const html = [{ table: 1, row: 3, text: 'x' }, { table: 2, row: 3, text: 'y' }];
    expect(sourceContext(html, { table: 2, row: 3, col: 2, text: '5' }).find((l) => l.hit)?.text).toBe('y');
    expect(sourceContext(txt, undefined)).toEqual([]);
  });

  it('reads typed numbers, empty as 未报告, and refuses other text', () => {
    expect(parseCellInput(' 1,234 ')).toEqual({ value: 1234 });
    expect(parseCellInput('')).toEqual({ value: null });
    expect(parseCellInput('12.5')).toEqual({ value: 12.5 });
    expect(parseCellInput('十二')).toHaveProperty('error');
  });
});
