/**
 * One synthetic report per unit and year, deterministic in (seed, code, year): the form's
 * figures keep their own sums (tests/support/synthetic.ts), scaled by the unit's level so a
 * province receives thousands of applications and most townships a handful; some unit-years
 * have no report, and a few reports carry a sum that does not add up, found by the real checker.
 */
import type { FindingRow, ReportRow } from '../../src/lib/dataset/rows';
import { findingRows, reportRow } from '../../src/lib/dataset/rows';
import { withSearchKeys } from '../../src/lib/dataset/search-keys';
import { checkReport } from '../../src/lib/checks/rules';
import type { Level, ParsedReport, Template } from '../../src/lib/format';
import { makeReport, rng } from '../../tests/support/synthetic';
import type { SyntheticUnit } from './units';

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** Typical multiple of a township's figures, per level. */
const SCALE: Record<Level, number> = { township: 1, county: 12, city: 40, province: 120, department: 4 };
/** Share of unit-years without a report. */
const MISSING: Record<Level, number> = { township: 0.12, county: 0.05, city: 0.02, province: 0, department: 0.1 };
const BROKEN_SHARE = 0.03;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const SCALED = /^(apps|review|suit_direct|suit_after_review)\./;

export function syntheticReport(u: SyntheticUnit, year: number, seed: number): { row: ReportRow; findings: FindingRow[] } | null {
  const r = rng(hash(`${seed}:${u.code}:${year}`));
  if (r() < MISSING[u.level]) return null;
  const template: Template = year >= 2021 ? '2021' : '2019';
  const base = makeReport(hash(`${seed}:${u.code}:${year}:cells`), template);
  // One factor for every count of 表三 and 表四: the form's sums are linear, so they still hold.
  const factor = Math.max(1, Math.round(SCALE[u.level] * Math.exp(0.8 * (r() + r() + r() - 1.5))));
  const cells: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(base.cells)) cells[k] = v !== null && SCALED.test(k) ? v * factor : v;
  if (r() < BROKEN_SHARE) cells['apps.total.total'] = (cells['apps.total.total'] ?? 0) + 1 + Math.floor(r() * 9);
  const id = `syn-${u.code}-${year}`;
  const parsed = {
    file: `${id}.synthetic`, input: 'text', unit: u.unit, year, template, level: u.level,
    division: { code: u.code, name: u.divisionName }, cells, uncertain: {}, sources: {}, notes: [], missing: [],
    proactive_total: { value: Math.floor(r() * 400 * SCALE[u.level]), approx: false },
  } as unknown as ParsedReport;
  const findings = checkReport(parsed);
  return { row: withSearchKeys(reportRow(id, { ...parsed, findings })), findings: findingRows(id, findings) };
}
