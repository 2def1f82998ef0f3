import { describe, expect, it } from 'vitest';
import { TEMPLATE_KEYS, type Template } from '../../src/lib/format';
import { formatValue, sourceText, type CellRecord } from '../../src/lib/unit/cells';
import { chartSource, siteSuite, type Visit } from './site';
import { expectClean, unitPath, visitView } from './data-views';

type Shown = { key: string; value: string; dataValue: string; source: string; title: string; cls: string; delta: string | null; flag: string | null };

describe('unit profile in Chromium', () => {
  const suite = siteSuite();

  async function go(path: string): Promise<Visit> {
    const v = await visitView(suite.server, path);
    suite.track(v);
    return v;
  }

  async function report(id: string) {
    const [r] = await suite.db.rows(`SELECT unit_key, year, template, source_file FROM reports WHERE report_id = '${id}'`);
    const cells = (await suite.db.rows(`SELECT * FROM cells WHERE report_id = '${id}'`)) as unknown as CellRecord[];
    return { ...r, cells: new Map(cells.map((c) => [c.key, c])) } as { unit_key: string; year: number; template: Template; source_file: string; cells: Map<string, CellRecord> };
  }

  async function shownCells(v: Visit): Promise<Map<string, Shown>> {
    const list = await v.page.$$eval('table[data-table] td[data-key]', (tds) => tds.map((td) => ({
      key: td.getAttribute('data-key')!,
      value: td.querySelector('.v')?.textContent ?? '',
      dataValue: td.getAttribute('data-value') ?? '',
      source: td.getAttribute('data-source') ?? '',
      title: td.getAttribute('title') ?? '',
      cls: td.className,
      delta: td.querySelector('[data-delta]')?.getAttribute('data-delta') ?? null,
      flag: td.querySelector('[data-uncertain]')?.getAttribute('data-uncertain') ?? null,
    })));
    return new Map(list.map((s) => [s.key, s]));
  }

  it('shows 平潭综合实验区 2020 in the form cells exactly as the dataset holds it, with sources, changes and its findings', async () => {
    const r = await report('pingtan-2020');
    const prev = await report('pingtan-2019');
    const v = await go(unitPath(r.unit_key, 2020));
    await v.page.waitForSelector('dl[data-report-id="pingtan-2020"]');
    const shown = await shownCells(v);
    const keys = TEMPLATE_KEYS[r.template];
    expect([...shown.keys()].sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const cell = r.cells.get(key);
      const s = shown.get(key)!;
      expect(s.value, key).toBe(formatValue(key, cell?.value ?? null));
      expect(s.dataValue, key).toBe(cell?.value == null ? '' : String(cell.value));
      // Where the number came from: file, table row/column, the text read.
      expect(s.source, key).toBe(sourceText(cell, r.source_file));
      expect(s.title, key).toContain(s.source);
      const before = prev.cells.get(key)?.value;
      expect(s.delta, key).toBe(cell?.value != null && before != null ? String(cell.value - before) : null);
    }
    expect(shown.get('apps.total.natural')!.source).toMatch(/pingtan-2020\.tables\.html 表 \d+ 第 \d+ 行第 \d+ 列，原文“\d+”/);

    const findings = await suite.db.rows("SELECT rule, message FROM findings WHERE report_id = 'pingtan-2020' ORDER BY message");
    expect(findings.filter((f) => f.rule === 2)).toHaveLength(2);
    const rows = await v.page.$$eval('table[data-findings] tr[data-rule]', (trs) => trs.map((tr) => ({
      rule: Number(tr.getAttribute('data-rule')), message: tr.querySelector('.msg')?.textContent ?? '' })));
    expect(rows.sort((a, b) => a.message.localeCompare(b.message))).toEqual(findings.map((f) => ({ rule: Number(f.rule), message: f.message })));
    // The cells the findings name are marked, with the finding in their tooltip.
    for (const key of ['apps.total.natural', 'apps.total.total']) {
      expect(shown.get(key)!.cls).toContain('finding');
      expect(shown.get(key)!.title).toContain('勾稽问题：表三 · （七）总计');
    }
    expect(await v.page.textContent('[data-prev-year]')).toContain('2019');
    // The unit's chart draws its reports' numbers, year by year.
    // One body: its years are the categories, its one series (s0) the received counts.
    const series = await suite.db.rows(`SELECT year, apps__new__total AS received FROM reports WHERE unit_key = '${r.unit_key}' ORDER BY year`);
    await v.page.waitForSelector('[data-chart="unit-headline"]');
    await expect.poll(async () => (await chartSource(v.page, 'unit-headline')).s0, { timeout: 45_000 }).toEqual(series.map((x) => x.received));
    expect((await chartSource(v.page, 'unit-headline')).label).toEqual(series.map((x) => String(x.year)));

    // Sources written into the table, and the choice kept in the URL.
    await v.page.click('[data-show-source]');
    await v.page.waitForURL(/src=1/);
    expect(await v.page.locator('table[data-table="t3"] .src').count()).toBe(TEMPLATE_KEYS[r.template].filter((k) => k.startsWith('apps.')).length);
    expectClean(v);
  });

  it('marks the uncertain cell of 上海市科委 2024 with the parser’s reason and shows it as 未填报', async () => {
    const r = await report('shanghai-stcsm-2024');
    const unsure = [...r.cells.values()].filter((c) => c.uncertain);
    expect(unsure.map((c) => c.key)).toEqual(['apps.carried_forward.total']);
    const v = await go(unitPath(r.unit_key, 2024));
    await v.page.waitForSelector('dl[data-report-id="shanghai-stcsm-2024"]');
    const shown = await shownCells(v);
    for (const c of unsure) {
      const s = shown.get(c.key)!;
      expect(s.cls).toContain('uncertain');
      expect(s.flag).toBe(c.reason);
      expect(s.title).toContain(`存疑：${c.reason}`);
      expect(s.value).toBe('未填报');
    }
    const flagged = [...shown.values()].filter((s) => s.cls.includes('uncertain')).map((s) => s.key);
    expect(flagged).toEqual(unsure.map((c) => c.key));
    expect(await v.page.textContent(`[data-uncertain-list] tr[data-key="${unsure[0].key}"] [data-reason]`)).toBe(unsure[0].reason);
    expectClean(v);
  });

  it('lists and searches units, opens a profile, and keeps unit and year in the URL across a reload', async () => {
    const v = await go('/unit');
    const [n] = await suite.db.rows('SELECT count(DISTINCT unit_key) AS n FROM reports');
    expect(await v.page.locator('table[data-units] tbody tr').count()).toBe(Number(n.n));
    await v.page.fill('[data-unit-search]', '洪泽');
    await v.page.waitForURL(/q=/);
    const hongze = await suite.db.rows("SELECT DISTINCT unit_key FROM reports WHERE unit LIKE '%洪泽%'");
    await expect.poll(() => v.page.locator('table[data-units] tbody tr').count()).toBe(hongze.length);
    await v.page.click('table[data-units] tbody tr a');
    await v.page.waitForSelector('[data-unit-title]');
    expect(new URL(v.page.url()).searchParams.get('u')).toBe(hongze[0].unit_key);
    // The latest report is shown first; choosing 2023 writes y=2023.
    await v.page.waitForSelector('dl[data-report-id="huaian-hongze-2024"]');
    await v.page.click('button[data-year="2023"]');
    await v.page.waitForURL(/y=2023/);
    await v.page.waitForSelector('dl[data-report-id="huaian-hongze-2023"]');
    await v.page.reload();
    await v.page.waitForSelector('dl[data-report-id="huaian-hongze-2023"]', { timeout: 45_000 });
    expect(await v.page.getAttribute('button[data-year="2023"]', 'aria-pressed')).toBe('true');
    // 洪泽 2023 breaks rule 5 in 表四; the profile says so in the report's labels.
    const f = await suite.db.rows("SELECT message FROM findings WHERE report_id = 'huaian-hongze-2023' ORDER BY message");
    const msgs = await v.page.$$eval('table[data-findings] .msg', (els) => els.map((e) => e.textContent ?? ''));
    expect(msgs.sort()).toEqual(f.map((x) => x.message).sort());
    expectClean(v);
  });

  it('says so when the unit in the URL does not exist', async () => {
    const v = await go(unitPath('no-such-unit'));
    await v.page.waitForSelector('[role="alert"]');
    expect(await v.page.textContent('[role="alert"]')).toContain('数据集中没有这个单位');
    expectClean(v);
  });
});
