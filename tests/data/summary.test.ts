import { describe, expect, it } from 'vitest';
import { disclosureRate, summarize, unitKey, type SummaryInput } from '../../src/lib/data/summary';
import { reportRow } from '../../src/lib/dataset/rows';
import type { ParsedReport } from '../../src/lib/format';

function report(id: string, unit: string, year: number, cells: Record<string, number | null>, extra: Partial<SummaryInput> = {}): SummaryInput {
  return { report_id: id, unit, division_code: '320813', level: 'county', year, n_findings: 0, ...cells, ...extra };
}

describe('summarize', () => {
  const rows = [
    report('b-2024', '乙区人民政府', 2024, { 'apps.new.total': 10, 'apps.total.total': 8, 'apps.granted.total': 4, 'apps.partial.total': 2 }, { unit_key: 'b' }),
    report('a-2023', '甲镇人民政府', 2023, { 'apps.new.total': 0, 'apps.total.total': 0, 'apps.granted.total': 0, 'apps.partial.total': 0 }, { level: 'township', n_findings: 2, unit_key: 'a' }),
    report('b-2023', '淮安市乙区人民政府', 2023, { apps__new__total: 3, apps__total__total: null }, { unit_key: 'b' }),
  ];
  const s = summarize(rows, '2026-01-01T00:00:00Z');

  it('counts bodies by unit_key, not by title wording', () => {
    expect(s.units).toBe(2);
    expect(s.reports).toBe(3);
    expect(s.years).toEqual([2023, 2024]);
    expect(s.levels).toEqual({ county: 1, township: 1 });
  });

  it('marks reports with findings in the coverage, in unit then year order', () => {
    // Code-point order of the titles (乙 < 淮 < 甲), the same as DuckDB's ORDER BY unit.
    expect(s.coverage.map((c) => [c.unit_key, c.unit, c.year, c.status])).toEqual([
      ['b', '乙区人民政府', 2024, 'reported'],
      ['b', '淮安市乙区人民政府', 2023, 'reported'],
      ['a', '甲镇人民政府', 2023, 'findings'],
    ]);
  });

  it('reads canonical keys or wide column names, and keeps null as null', () => {
    const b23 = s.headline.find((h) => h.report_id === 'b-2023');
    expect(b23).toMatchObject({ received: 3, handled: null, disclosure_rate: null });
    expect(s.headline.find((h) => h.report_id === 'b-2024')).toMatchObject({ received: 10, handled: 8, disclosure_rate: 0.75 });
  });

  it('gives a null rate, not 0 or NaN, when nothing was handled', () => {
    expect(s.headline.find((h) => h.report_id === 'a-2023')?.disclosure_rate).toBeNull();
    expect(disclosureRate(report('x', 'x', 2020, { 'apps.granted.total': 1, 'apps.total.total': 2 }))).toBeNull();
  });

  it('falls back to division code and title when a row has no unit_key', () => {
    const t = summarize([report('x-2020', '某镇', 2020, {}), report('x-2021', '某镇', 2021, {})]);
    expect(t.units).toBe(1);
    expect(t.coverage[0].unit_key).toBe('320813|某镇');
  });
});

describe('one body, one key, whoever computes it', () => {
  const division = { name: '江苏省淮安市洪泽区', code: '320813' };
  const titles = ['洪泽区人民政府', '淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府'];

  it('the summary without a unit_key keys every title wording of a body alike, as the data build does', () => {
    const rows = titles.map((unit, i) => report(`h-${2022 + i}`, unit, 2022 + i, {}, { division_name: division.name }));
    expect(new Set(rows.map(unitKey))).toEqual(new Set(['320813|人民政府']));
    expect(summarize(rows).units).toBe(1);
    for (const [i, unit] of titles.entries()) {
      const parsed = { file: 'x.txt', unit, division, level: 'county', year: 2022 + i, template: '2021', cells: {}, uncertain: {}, findings: [],
        proactive_total: null, sources: {}, missing: [], notes: [], input: 'text' } satisfies ParsedReport;
      expect(reportRow('x', parsed).unit_key).toBe(unitKey(rows[i]));
    }
  });

  it('keeps apart two bodies of one division (the city and its government office)', () => {
    const city = report('c', '淮安市人民政府', 2024, {}, { division_code: '3208', division_name: '江苏省淮安市' });
    const county = report('h', '淮安市洪泽区人民政府', 2024, {}, { division_name: division.name });
    expect(unitKey(city)).not.toBe(unitKey(county));
  });
});
