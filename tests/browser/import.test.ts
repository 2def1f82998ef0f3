import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { parseFile } from '../../src/lib/parse';
import { loadDivisions } from '../../src/lib/divisions/load';
import { isFailure, keyColumn, type ParsedReport } from '../../src/lib/format';
import { reportRow } from '../../src/lib/dataset/rows';
import { chartSource, siteSuite, visit, waitForDuckDB, type Visit } from './site';
import { waitForChart } from './views';
import { CORPUS_DIR } from '../support/gold';

const CORPUS = resolve(CORPUS_DIR, 'reports');
const FILES = ['huaian-hongze-2024.pdf', 'shuyang-fgj-2023.html', 'chaihe-2020.txt', 'shanghai-stcsm-2024.md'];
const CORRECTED_KEY = 'apps.new.total';

type Row = Record<string, unknown>;

/** What the parser says in Node about the same file: the independent expectation. */
async function nodeParse(name: string, bytes = readFileSync(resolve(CORPUS, name))) {
  return parseFile(name, new Uint8Array(bytes), loadDivisions());
}

async function openImport(v: Visit): Promise<void> {
  await v.page.goto(`${v.origin}/import`);
  await v.page.waitForSelector('section[data-engine="ready"]', { timeout: 45_000 });
}

async function query(page: Page, sql: string): Promise<Row[]> {
  return page.evaluate((s) => (window as unknown as { __gongkaiQuery(s: string): Promise<Row[]> }).__gongkaiQuery(s), sql);
}

async function pick(page: Page, files: { name: string; buffer: Buffer; mimeType?: string }[]): Promise<void> {
  await page.setInputFiles('input[name="reports"]', files.map((f) => ({ mimeType: 'application/octet-stream', ...f })));
}

function corpusFile(name: string) {
  return { name, buffer: readFileSync(resolve(CORPUS, name)) };
}

async function waitParsed(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.batch li[data-status]:not([data-status="queued"]):not([data-status="parsing"])').length >= n,
    count, { timeout: 45_000 });
}

/** Accept the report under review, optionally correcting one cell first. */
async function acceptNext(page: Page, correction?: { key: string; value: number; note: string }): Promise<string> {
  const review = page.locator('section.review');
  const file = (await review.getAttribute('data-file'))!;
  if (correction) {
    await review.locator(`button[data-key="${correction.key}"]`).click();
    await review.locator('input[name="value"]').fill(String(correction.value));
    await review.locator('input[name="note"]').fill(correction.note);
    await review.locator('form button[type="submit"]').click();
    await review.locator(`button[data-key="${correction.key}"].corrected`).waitFor();
  }
  const before = await page.locator(`.batch li[data-file="${file}"][data-status="accepted"]`).count();
  await review.locator('button.accept').click();
  await page.waitForFunction(([f, n]) => document.querySelectorAll(`.batch li[data-file="${f}"][data-status="accepted"]`).length > Number(n), [file, before] as const);
  return file;
}

function expectNoForeignRequests(v: Visit): void {
  const foreign = v.requests.filter((u) => !u.startsWith(`${v.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
}

describe('import page in Chromium', () => {
  const suite = siteSuite();

  async function go(): Promise<Visit> {
    const v = await visit(suite.server);
    suite.track(v);
    await openImport(v);
    return v;
  }

  it('imports a PDF, an HTML page, a text and a markdown dump; a corrected cell survives a reload and reaches the views', async () => {
    const v = await go();
    expect(await v.page.locator('[data-privacy]').textContent()).toContain('不会上传');
    await pick(v.page, FILES.map(corpusFile));
    await waitParsed(v.page, FILES.length);
    expect(await v.page.locator('.batch li[data-status="parsed"]').count()).toBe(FILES.length);

    const expected = new Map<string, ParsedReport>();
    for (const f of FILES) {
      const r = await nodeParse(f);
      if (isFailure(r)) throw new Error(`${f}: ${r.error.message}`);
      expected.set(f, r);
    }
    // Each review marks exactly the cells the parser doubts and the cells a rule names, as Node's parse of the same file.
    const marked = async (cls: string) => (await v.page.locator(`section.review button.${cls}`).evaluateAll(
      (els) => els.map((e) => e.getAttribute('data-key')))).sort();
    const checkMarks = async () => {
      const want = expected.get((await v.page.locator('section.review').getAttribute('data-file'))!)!;
      expect(await marked('uncertain')).toEqual(Object.keys(want.uncertain).sort());
      expect(await marked('flagged')).toEqual([...new Set(want.findings.flatMap((f) => f.keys))].sort());
      const doubt = Object.keys(want.uncertain)[0];
      if (doubt) expect(await v.page.locator(`aside[data-selected-key="${doubt}"] .uncertain`).textContent()).toContain(want.uncertain[doubt]);
    };
    const first = expected.get(FILES[0])!;
    const newValue = (first.cells[CORRECTED_KEY] ?? 0) + 1000;
    await checkMarks();
    // Beside the tables: the PDF page the figure was read from, as text, with its line marked.
    await v.page.locator(`section.review button[data-key="${CORRECTED_KEY}"]`).click();
    const src = first.sources[CORRECTED_KEY];
    expect(await v.page.locator('aside .source li.hit').first().textContent()).toContain(src.text);
    const pageLines = await v.page.locator('aside .source li').count();
    expect(pageLines).toBeGreaterThan(5);
    const accepted: string[] = [await acceptNext(v.page, { key: CORRECTED_KEY, value: newValue, note: '测试更正' })];
    while (accepted.length < FILES.length) {
      await checkMarks();
      accepted.push(await acceptNext(v.page));
    }
    expect(accepted.sort()).toEqual([...FILES].sort());

    await v.page.reload();
    await openImport(v);
    expect(await v.page.locator('section[data-workspace-count]').getAttribute('data-workspace-count')).toBe(String(FILES.length));
    const cols = [CORRECTED_KEY, 'apps.total.total', 'review.total'].map(keyColumn);
    const userRows = await query(v.page, `SELECT source_file, unit_key, year, origin, ${cols.join(', ')} FROM reports WHERE origin = 'user' ORDER BY source_file`);
    expect(userRows.map((r) => r.source_file)).toEqual([...FILES].sort());
    for (const row of userRows) {
      const want = reportRow('x', expected.get(String(row.source_file))!);
      expect(row.unit_key).toBe(want.unit_key);
      expect(row.year).toBe(want.year);
      for (const c of cols) {
        const value = row.source_file === FILES[0] && c === keyColumn(CORRECTED_KEY) ? newValue : want[c];
        expect(row[c], `${String(row.source_file)} ${c}`).toBe(value);
      }
    }
    // The corrected value is in the cells table too, and nothing else was changed.
    const [cell] = await query(v.page, `SELECT c.value, c.uncertain FROM cells c JOIN reports r USING (report_id)
      WHERE r.source_file = '${FILES[0]}' AND c.key = '${CORRECTED_KEY}'`);
    expect(cell).toEqual({ value: newValue, uncertain: false });

    // A user report of a unit and year the dataset already has replaces it in every view.
    const shipped = await suite.db.rows('SELECT report_id, unit_key, year FROM reports');
    const slots = new Set(userRows.map((r) => `${String(r.unit_key)}#${String(r.year)}`));
    const replaced = shipped.filter((s) => slots.has(`${String(s.unit_key)}#${String(s.year)}`)).length;
    const [count] = await query(v.page, `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE origin = 'shipped')::INTEGER AS shipped FROM reports`);
    expect(count).toEqual({ n: shipped.length - replaced + FILES.length, shipped: shipped.length - replaced });
    expect(await v.page.locator('tr[data-entry-id][data-current="true"]').count()).toBe(FILES.length);

    // The overview, which knows nothing of the import, counts them too.
    await v.page.goto(v.origin);
    await waitForDuckDB(v.page);
    expect(await v.page.locator('[data-total="reports"]').textContent()).toBe(String(count.n));

    // 对比 draws the corrected figure (收到申请 is its default measure) for the imported body and year.
    const corrected = userRows.find((r) => r.source_file === FILES[0])!;
    await v.page.goto(`${v.origin}/compare?year=${String(corrected.year)}`);
    await waitForChart(v.page, 'compare-bars');
    await expect.poll(async () => {
      const src = await chartSource(v.page, 'compare-bars');
      return (src.value as unknown[])[(src.unit_key as string[]).indexOf(String(corrected.unit_key))];
    }).toBe(newValue);
    expect(v.consoleErrors).toEqual([]);
    expectNoForeignRequests(v);
  });

  it('keeps a second import of the same report as a new version, and undoes a delete', async () => {
    const v = await go();
    const name = 'chaihe-2020.txt';
    const expected = await nodeParse(name);
    if (isFailure(expected)) throw new Error(expected.error.message);
    const [shipped] = await suite.db.rows(`SELECT count(*)::INTEGER AS n FROM reports WHERE unit_key = '${reportRow('x', expected).unit_key}' AND year = ${expected.year}`);
    const base = Number(shipped.n);
    await pick(v.page, [corpusFile(name)]);
    await waitParsed(v.page, 1);
    expect(await v.page.locator('section.review .version').textContent()).toContain(base ? `第 ${base + 1} 版` : '第一份');
    await acceptNext(v.page);
    await pick(v.page, [corpusFile(name)]);
    await waitParsed(v.page, 2);
    await acceptNext(v.page, { key: 'apps.new.total', value: 4321, note: '第二版' });
    const versions = v.page.locator('tr[data-entry-id]');
    expect(await versions.count()).toBe(2);
    expect(await v.page.locator('tr[data-entry-id][data-current="true"] td').nth(1).textContent()).toBe(`第 ${base + 2} 版`);
    const current = () => query(v.page, `SELECT apps__new__total AS v, origin FROM reports WHERE source_file = '${name}'`);
    expect(await current()).toEqual([{ v: 4321, origin: 'user' }]);

    // Deleting the current version shows the older one again; undo brings it back, also
    // after the page was reloaded.
    await v.page.locator('tr[data-entry-id][data-current="true"] button').click();
    await v.page.waitForSelector('section[data-workspace-count="1"]');
    expect(await current()).toEqual([{ v: expected.cells['apps.new.total'], origin: 'user' }]);
    await v.page.reload();
    await openImport(v);
    await v.page.waitForSelector('section[data-workspace-count="1"]');
    await v.page.click('[data-action="undo"]');
    await v.page.waitForSelector('section[data-workspace-count="2"]');
    expect(await current()).toEqual([{ v: 4321, origin: 'user' }]);
    // Undone once, the trash kept in the browser's database is empty.
    const trash = await v.page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open('gongkai-workspace');
      req.onsuccess = () => {
        const get = req.result.transaction('meta', 'readonly').objectStore('meta').get('trash');
        get.onsuccess = () => resolve(get.result ?? null);
        get.onerror = () => reject(get.error);
      };
      req.onerror = () => reject(req.error);
    }));
    expect(trash).toBeNull();
    expect(v.consoleErrors).toEqual([]);
  });

  it('tells a report the dataset already has from a first one, warns before accepting one with 勾稽 findings, and marks imported figures 导入 in the charts', async () => {
    const v = await go();
    // 洪泽区 2023 ships in the dataset, and the report contradicts itself.
    const shipped = await nodeParse('huaian-hongze-2023.pdf');
    if (isFailure(shipped)) throw new Error('huaian-hongze-2023.pdf did not parse in Node');
    const n = shipped.findings.length;
    expect(n).toBeGreaterThan(0);
    await pick(v.page, [corpusFile('huaian-hongze-2023.pdf')]);
    await waitParsed(v.page, 1);
    const review = v.page.locator('section.review');
    await review.waitFor();
    expect(await review.locator('.version').textContent()).toMatch(/^数据集中已有该单位该年度的公开年报：接受后存为第 2 版/);
    expect(await review.locator('[data-accept-warning]').textContent()).toContain(`该报告有 ${n} 处勾稽不符`);
    expect((await review.locator('button.accept').textContent())!.trim()).toBe(`仍然接受（有 ${n} 处勾稽不符）`);
    await acceptNext(v.page);

    // A body and year the dataset does not have: the 柴河镇 report under another name.
    const renamed = readFileSync(resolve(CORPUS, 'chaihe-2020.txt'), 'utf8').replaceAll('柴河', '青禾');
    await pick(v.page, [{ name: 'qinghe-2020.txt', buffer: Buffer.from(renamed, 'utf8') }]);
    await v.page.waitForSelector('section.review[data-file="qinghe-2020.txt"]', { timeout: 45_000 });
    expect(await review.locator('.version').textContent()).toBe('这是该单位该年度的第一份报告。');
    expect(await review.locator('[data-accept-warning]').count()).toBe(0);
    expect((await review.locator('button.accept').textContent())!.trim()).toBe('接受，存入工作区');

    // The overview draws the imported 洪泽区 2023 and says so in its legend.
    await v.page.goto(v.origin);
    await waitForDuckDB(v.page);
    await v.page.waitForFunction(() => [...document.querySelectorAll('[data-legend="headline"] [data-mark-key]')].some((l) => l.textContent!.includes('导入')), null, { timeout: 20_000 });
    expect(await v.page.$$eval('[data-legend="headline"] [data-mark-key]', (ls) => ls.map((l) => l.textContent!.trim())))
      .toContain('导入 我的报告（在本浏览器导入）');
    expectNoForeignRequests(v);
  });

  it('imports the good files of a batch and says in Chinese what is wrong with each bad one', async () => {
    const v = await go();
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const docx = Buffer.from('PK\x03\x04\x14\x00\x06\x00word/document.xml', 'latin1');
    const bad = [{ name: 'empty.txt', buffer: Buffer.alloc(0) }, { name: 'random.pdf', buffer: random }, { name: 'report.docx', buffer: docx }];
    await pick(v.page, [...bad, corpusFile('chaihe-2020.txt')]);
    await waitParsed(v.page, 4);
    expect(await v.page.locator('.batch li[data-file="chaihe-2020.txt"]').getAttribute('data-status')).toBe('parsed');
    for (const b of bad) {
      const li = v.page.locator(`.batch li[data-file="${b.name}"]`);
      expect(await li.getAttribute('data-status')).toBe('failed');
      const want = await nodeParse(b.name, b.buffer);
      if (!isFailure(want)) throw new Error(`${b.name} parsed in Node`);
      expect(await li.locator('.message').textContent()).toBe(want.error.message);
      expect(want.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Word files get the parser's advice to save them as PDF or HTML.
    expect(await v.page.locator('.batch li[data-file="report.docx"] .message').textContent()).toContain('另存为');
    await acceptNext(v.page);
    expect(await v.page.locator('section[data-workspace-count]').getAttribute('data-workspace-count')).toBe('1');
    expectNoForeignRequests(v);
  });

  it('loses nothing already accepted when the page is closed while the worker is parsing', async () => {
    const v = await go();
    await pick(v.page, [corpusFile('chaihe-2020.txt')]);
    await waitParsed(v.page, 1);
    await acceptNext(v.page);
    const pdf = corpusFile('huaian-hongze-2024.pdf');
    await pick(v.page, Array.from({ length: 12 }, (_, i) => ({ ...pdf, name: `copy-${i}.pdf` })));
    await v.page.waitForSelector('.batch li[data-status="parsing"]');
    await v.page.close();

    const page = await v.browser.context.newPage();
    page.on('pageerror', (e) => v.consoleErrors.push(e.message));
    v.page = page;
    await openImport(v);
    expect(await page.locator('section[data-workspace-count]').getAttribute('data-workspace-count')).toBe('1');
    const rows = await query(page, `SELECT source_file FROM reports WHERE origin = 'user'`);
    expect(rows).toEqual([{ source_file: 'chaihe-2020.txt' }]);
    expect(v.consoleErrors).toEqual([]);
  });

  it('exports the workspace to one file and imports it back exactly; a corrupt or unknown file changes nothing', async () => {
    const v = await go();
    await pick(v.page, [corpusFile('shanghai-stcsm-2024.md'), corpusFile('chaihe-2020.txt')]);
    await waitParsed(v.page, 2);
    await acceptNext(v.page, { key: 'apps.granted.total', value: 7, note: '核对原文' });
    await acceptNext(v.page);
    const exportFile = async () => {
      const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click('[data-action="export"]')]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const snapshotSql = `SELECT r.source_file, c.key, c.value, c.uncertain, c.reason, c.page, c.line, c.text FROM cells c
      JOIN reports r USING (report_id) WHERE c.origin = 'user' ORDER BY r.source_file, c.key`;
    const before = await query(v.page, snapshotSql);
    expect(before.length).toBeGreaterThan(100);
    const text = await exportFile();
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'gongkai-workspace', version: 1 });
    expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);

    await v.page.click('[data-action="clear"]');
    await v.page.waitForSelector('section[data-workspace-count="0"]');
    expect(await query(v.page, snapshotSql)).toEqual([]);

    const setWorkspaceFile = (body: string) =>
      v.page.setInputFiles('input[name="workspace-file"]', { name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    // Corrupt (one digit changed), truncated, unknown version: a Chinese message, nothing imported.
    const tampered = text.replace(/"value":(\d)/, (_, d) => `"value":${(Number(d) + 1) % 10}`);
    expect(tampered).not.toBe(text);
    for (const [body, says] of [[tampered, '校验和'], [text.slice(0, text.length / 2), 'JSON'], [JSON.stringify({ ...file, version: 99 }), '版本']] as const) {
      await setWorkspaceFile(body);
      await v.page.waitForSelector('[data-problem]');
      expect(await v.page.locator('[data-problem]').textContent()).toContain(says);
      expect(await v.page.locator('section[data-workspace-count]').getAttribute('data-workspace-count')).toBe('0');
    }

    await setWorkspaceFile(text);
    await v.page.waitForSelector('section[data-workspace-count="2"]');
    expect(await query(v.page, snapshotSql)).toEqual(before);
    const again = JSON.parse(await exportFile());
    expect(again.entries).toEqual(file.entries);
    expect(again.checksum).toBe(file.checksum);
    expect(v.consoleErrors).toEqual([]);
    expectNoForeignRequests(v);
  });
  it('after a reload holds every table of the workspace: reports, cells, findings, and corrections with their audit trail', async () => {
    const v = await go();
    // Two reports whose corrections give findings: pingtan-2020 (its printed 总计 contradicts its
    // parts; read by order, so the parser flags those cells instead of blaming the report) and the
    // 上海市科委 report as published, saved under another name.
    const md = readFileSync(resolve(CORPUS, 'shanghai-stcsm-2024.md'), 'utf8');
    await pick(v.page, [corpusFile('pingtan-2020.txt'), { name: '科委年报-改.md', buffer: Buffer.from(md) }]);
    await waitParsed(v.page, 2);
    const fixes: Record<string, { key: string; value: number; note: string }> = {
      'pingtan-2020.txt': { key: 'apps.granted.natural', value: 8, note: '按原文核对' },
      '科委年报-改.md': { key: 'review.upheld', value: 5, note: '复议结果补正' },
    };
    for (let i = 0; i < 2; i++) await acceptNext(v.page, fixes[(await v.page.locator('section.review').getAttribute('data-file'))!]);

    const tables = {
      reports: `SELECT * FROM reports WHERE origin = 'user' ORDER BY source_file`,
      cells: `SELECT r.source_file, c.* EXCLUDE (report_id) FROM cells c JOIN reports r USING (report_id) WHERE c.origin = 'user' ORDER BY r.source_file, c.key`,
      findings: `SELECT r.source_file, f.* EXCLUDE (report_id) FROM findings f JOIN reports r USING (report_id)
        WHERE f.origin = 'user' ORDER BY r.source_file, f.rule, f.message`,
    };
    const read = async () => Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([t, sql]) => [t, await query(v.page, sql)])));
    const corrections = async () => {
      const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click('[data-action="export"]')]);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { entries: { parsed: { file: string }; corrections: unknown[] }[] };
      return file.entries.map((e) => [e.parsed.file, e.corrections]).sort();
    };
    const before = await read();
    const auditBefore = await corrections();

    // What the tables must hold, from the reports themselves (not from the page's own code).
    // The corrections re-ran the checks: 6 → 8 予以公开 breaks its row (rule 3), 1 → 5 结果维持 breaks 表四 (rule 5).
    expect(before.findings.map((f: Row) => [f.source_file, f.rule, f.message])).toEqual([
      ['pingtan-2020.txt', 3, '表三 · （一）予以公开 · 总计: 应为 9，印为 7'],
      ['科委年报-改.md', 5, '表四 · 行政复议 · 总计: 应为 5，印为 1'],
    ]);
    expect(before.reports.map((r: Row) => [r.source_file, r.n_findings])).toEqual([['pingtan-2020.txt', 1], ['科委年报-改.md', 1]]);
    const cell = (file: string, key: string) => before.cells.find((c: Row) => c.source_file === file && c.key === key)?.value;
    expect([cell('pingtan-2020.txt', 'apps.granted.natural'), cell('科委年报-改.md', 'review.upheld'), cell('科委年报-改.md', 'apps.total.total')]).toEqual([8, 5, 35]);
    expect(auditBefore).toEqual([
      ['pingtan-2020.txt', [{ key: 'apps.granted.natural', parsed: 6, value: 8, at: expect.any(String), note: '按原文核对' }]],
      ['科委年报-改.md', [{ key: 'review.upheld', parsed: 1, value: 5, at: expect.any(String), note: '复议结果补正' }]],
    ]);

    await v.page.reload();
    await openImport(v);
    expect(await v.page.locator('section[data-workspace-count]').getAttribute('data-workspace-count')).toBe('2');
    const after = await read();
    for (const t of Object.keys(tables)) expect(after[t], t).toEqual(before[t]);
    expect(await corrections()).toEqual(auditBefore);
    expect(v.consoleErrors).toEqual([]);
    expectNoForeignRequests(v);
  });
});
