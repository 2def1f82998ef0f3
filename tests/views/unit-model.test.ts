import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_INFO, keyColumn, TEMPLATE_KEYS, TEMPLATES, type Template } from '../../src/lib/format';
import { delta, formatDelta, indexCells, previousReport, sourceText, type CellRecord } from '../../src/lib/unit/cells';
import { findingKey } from '../../src/lib/unit/form';
import { t2Layout, t3Layout, t4Keys, T4_BLOCKS } from '../../src/lib/form/layout';
import { unitCellsSql, unitFindingsSql, unitReportsSql, unitsSql } from '../../src/lib/unit/sql';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

function formKeys(t: Template): string[] {
  return [
    ...t2Layout(t).flatMap((r) => r.cols.map((c) => c.key)),
    ...t3Layout(t).flatMap((r) => r.keys),
    ...T4_BLOCKS.flatMap((b) => t4Keys(b.block)),
  ];
}

describe('the official form layout', () => {
  it.each(TEMPLATES)('shows every canonical key of template %s exactly once', (t) => {
    const keys = formKeys(t);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...TEMPLATE_KEYS[t]].sort());
  });

  it('prints 表三 with the form’s group headings, in order', () => {
    const labels = t3Layout('2021').map((r) => r.label);
    const at = (s: string) => labels.indexOf(s);
    expect(at('三、本年度办理结果')).toBeGreaterThan(at('二、上年结转政府信息公开申请数量'));
    expect(at('（三）不予公开')).toBe(at('1.属于国家秘密') - 1);
    expect(at('（四）无法提供')).toBe(at('1.本机关不掌握相关政府信息') - 1);
    expect(at('（五）不予处理')).toBe(at('1.信访举报投诉类申请') - 1);
    expect(t3Layout('2021').find((r) => r.label === '（六）其他处理')?.keys[6]).toBe('apps.other.total');
    expect(t3Layout('2019').some((r) => r.label === '3.其他')).toBe(false);
    expect(labels[labels.length - 1]).toBe('四、结转下年度继续办理');
  });
});

describe('unit profile SQL and model over the dataset', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
  });
  afterAll(() => db?.close());

  it('lists one row per unit_key with all its years and findings', async () => {
    const units = await db.rows(unitsSql());
    const [truth] = await db.rows('SELECT count(DISTINCT unit_key) AS n, sum(n_findings) AS f FROM reports');
    expect(units).toHaveLength(Number(truth.n));
    expect(units.reduce((s, u) => s + Number(u.findings), 0)).toBe(Number(truth.f));
    const hongze = units.find((u) => (u.titles as string[]).includes('洪泽区人民政府'));
    expect(hongze?.titles).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府'].sort());
    expect(hongze?.unit).toBe('淮安市洪泽区人民政府');
  });

  it('maps every finding to the printed cell it names, holding the printed value', async () => {
    const findings = await db.rows('SELECT f.*, r.template, r.unit_key FROM findings f JOIN reports r USING (report_id)');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const key = findingKey(f as never, f.template as Template);
      expect(key, String(f.message)).not.toBeNull();
      const [row] = await db.rows(`SELECT "${keyColumn(key!)}" AS v FROM reports WHERE report_id = '${f.report_id}'`);
      expect(row.v, String(f.message)).toBe(f.printed);
      // The unit's findings query returns it too.
      const own = await db.rows(unitFindingsSql(String(f.unit_key)));
      expect(own.map((o) => o.message)).toContain(f.message);
    }
  });

  it('reads a unit’s cells with their source places, matching the wide table', async () => {
    const [p] = await db.rows("SELECT unit_key FROM reports WHERE report_id = 'pingtan-2020'");
    const reports = await db.rows(unitReportsSql(String(p.unit_key)));
    expect(reports.map((r) => r.year)).toEqual([...reports.map((r) => r.year)].sort());
    const cells = indexCells((await db.rows(unitCellsSql(String(p.unit_key)))) as unknown as CellRecord[]);
    const mine = cells.get('pingtan-2020')!;
    const [wide] = await db.rows("SELECT * FROM reports WHERE report_id = 'pingtan-2020'");
    for (const key of TEMPLATE_KEYS['2019']) expect(mine.get(key)?.value ?? null, key).toBe(wide[keyColumn(key)]);
    expect(sourceText(mine.get('apps.total.natural'), 'pingtan-2020.tables.html')).toMatch(/^来源：pingtan-2020\.tables\.html 表 \d+ 第 \d+ 行第 \d+ 列，原文“20”$/);
  });

  it('describes sources of each input kind, and a missing cell', () => {
    const base = { report_id: 'r', key: 'apps.new.total', value: 5, uncertain: false, reason: null, page: null, line: null, tbl: null, row: null, col: null, text: '5' };
    expect(sourceText({ ...base, page: 3, line: 12 }, 'a.pdf')).toBe('来源：a.pdf 第 3 页第 12 行，原文“5”');
    expect(sourceText({ ...base, line: 178, value: null, text: null }, 'b.md')).toBe('来源：b.md 第 178 行，原表此格为空');
    expect(sourceText(undefined, 'c.html')).toContain('不在原表中');
  });
});

describe('year-over-year', () => {
  it('takes the latest earlier report, and no change when either side is not reported', () => {
    const rs = [{ year: 2019 }, { year: 2021 }, { year: 2022 }];
    expect(previousReport(rs, 2022)?.year).toBe(2021);
    expect(previousReport(rs, 2021)?.year).toBe(2019);
    expect(previousReport(rs, 2019)).toBeNull();
    expect(delta(5, null)).toBeNull();
    expect(delta(null, 5)).toBeNull();
    expect(delta(3, 5)).toBe(-2);
    expect(formatDelta(-2)).toBe('−2');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(1200)).toBe('+1,200');
    expect(formatDelta(null)).toBe('');
  });

  it('keys of the wide table are all known to the dictionary labels', () => {
    for (const t of TEMPLATES) for (const k of TEMPLATE_KEYS[t]) expect(KEY_INFO.has(k)).toBe(true);
  });
});

describe('user-imported reports beside the shipped ones', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
    // What the import workspace does: the same tables, rows marked origin = 'user'.
    await db.conn.run(`INSERT INTO reports SELECT * REPLACE ('user-pingtan-2026' AS report_id, 2026 AS year, 'user' AS origin)
      FROM reports WHERE report_id = 'pingtan-2020'`);
    await db.conn.run(`INSERT INTO cells SELECT * REPLACE ('user-pingtan-2026' AS report_id, 'user' AS origin)
      FROM cells WHERE report_id = 'pingtan-2020'`);
    await db.conn.run(`INSERT INTO findings SELECT * REPLACE ('user-pingtan-2026' AS report_id, 'user' AS origin)
      FROM findings WHERE report_id = 'pingtan-2020'`);
  });
  afterAll(() => db?.close());

  it('are listed with origin user, their cells and findings joined to them alone', async () => {
    const [p] = await db.rows("SELECT unit_key FROM reports WHERE report_id = 'pingtan-2020'");
    const reports = await db.rows(unitReportsSql(String(p.unit_key)));
    expect(reports.find((r) => r.report_id === 'user-pingtan-2026')?.origin).toBe('user');
    expect(reports.filter((r) => r.origin === 'user')).toHaveLength(1);
    const cells = await db.rows(unitCellsSql(String(p.unit_key)));
    const [n] = await db.rows("SELECT count(*) AS n FROM cells WHERE report_id = 'pingtan-2020'");
    expect(cells.filter((c) => c.report_id === 'user-pingtan-2026')).toHaveLength(Number(n.n));
    const findings = await db.rows(unitFindingsSql(String(p.unit_key)));
    expect(findings.filter((f) => f.report_id === 'user-pingtan-2026').map((f) => f.year)).toEqual([2026, 2026]);
    const units = await db.rows(unitsSql());
    expect(units.find((u) => u.unit_key === p.unit_key)?.has_user).toBe(true);
    expect(units.filter((u) => u.has_user)).toHaveLength(1);
  });
});
