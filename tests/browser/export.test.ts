/**
 * Export, pin and print, and the download page, on the built site in Chromium. Every figure a
 * file carries is compared with data/*.parquet read by Node DuckDB, not with the app's SQL.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_TITLE } from '../../src/lib/charts/options';
import { BOM } from '../../src/lib/export/csv';
import { frame, SOURCE_LINE } from '../../src/lib/export/layout';
import { BACKUP_KEY, MESSAGES, PIN_KEY } from '../../src/lib/export/pins';
import { DATA_SHEET } from '../../src/lib/export/workbook';
import { sheetCells, unzip } from '../support/unzip';
import { parseCsv } from '../support/csv';
import { siteSuite, visit, waitForDuckDB, type Visit } from './site';

const TRUTH_SQL = `SELECT unit, year, apps__new__total AS received,
  (apps__granted__total + apps__partial__total) / NULLIF(apps__total__total, 0) AS disclosure_rate
  FROM reports ORDER BY unit, year, report_id`;
type Truth = { unit: string; year: number; received: number | null; disclosure_rate: number | null };

describe('export, pin and print, download page', () => {
  const suite = siteSuite();
  let truth: Truth[];
  beforeAll(async () => {
    truth = (await suite.db.rows(TRUTH_SQL)) as Truth[];
  });

  async function go(path = '/', setup?: Parameters<typeof visit>[1]): Promise<Visit> {
    return suite.go(path, setup);
  }

  function clean(v: Visit) {
    expect(v.consoleErrors).toEqual([]);
    const foreign = v.requests.filter((u) => !u.startsWith(`${v.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  }

  /** Opens the headline chart's menu, clicks one export and returns the downloaded file. */
  async function exportFile(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
    await page.click('[data-export-menu="headline"] summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export-menu="headline"] [data-export="${kind}"]`)]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }

  const chartSize = (page: Page) => page.evaluate(() => {
    const c = (window as unknown as { __gongkaiCharts: Record<string, { getWidth(): number; getHeight(): number }> }).__gongkaiCharts.headline;
    return { width: c.getWidth(), height: c.getHeight() };
  });

  it('closes the export menu on Escape and on a click elsewhere', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const open = () => v.page.$eval('[data-export-menu="headline"] details', (d) => (d as HTMLDetailsElement).open);
    await v.page.click('[data-export-menu="headline"] summary');
    expect(await open()).toBe(true);
    await v.page.keyboard.press('Escape');
    expect(await open()).toBe(false);
    await v.page.click('[data-export-menu="headline"] summary');
    expect(await open()).toBe(true);
    await v.page.click('h2');
    expect(await open()).toBe(false);
    clean(v);
  });

  it('exports a PNG at 2× the chart, framed with title and source, on white', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const { name, bytes } = await exportFile(v.page, 'png');
    expect(name).toBe(`${HEADLINE_TITLE}.png`);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const size = await chartSize(v.page);
    const subtitle = (await v.page.textContent('figure .subtitle')) ?? '';
    const f = frame({ title: HEADLINE_TITLE, subtitle });
    expect(bytes.readUInt32BE(16)).toBe(2 * size.width);
    expect(bytes.readUInt32BE(20)).toBe(2 * (f.header + size.height + f.footer));
    // It decodes, and its corner is white (no transparent background).
    const decoded = await v.page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return { w: img.naturalWidth, corner: Array.from(g.getImageData(1, 1, 1, 1).data) };
    }, bytes.toString('base64'));
    expect(decoded.w).toBe(2 * size.width);
    expect(decoded.corner).toEqual([255, 255, 255, 255]);
    clean(v);
  });

  it('exports an SVG carrying the title, the filters, the units and the source line, which the browser can draw', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const { name, bytes } = await exportFile(v.page, 'svg');
    expect(name).toBe(`${HEADLINE_TITLE}.svg`);
    const svg = bytes.toString('utf8');
    const subtitle = (await v.page.textContent('figure .subtitle'))!;
    expect(svg).toContain(HEADLINE_TITLE);
    expect(svg).toContain(subtitle);
    expect(svg).toContain('单位：');
    expect(svg).toContain(SOURCE_LINE);
    const size = await chartSize(v.page);
    const parsed = await v.page.evaluate(async (text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      return { error: doc.querySelector('parsererror')?.textContent ?? null, w: img.naturalWidth, texts: doc.querySelectorAll('text').length };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.w).toBe(size.width);
    expect(parsed.texts).toBeGreaterThan(truth.length);
    clean(v);
  });

  it('exports the chart’s data as CSV (BOM, nulls empty) equal to the dataset', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const { name, bytes } = await exportFile(v.page, 'csv');
    expect(name).toBe(`${HEADLINE_TITLE}.csv`);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['单位', '年度', '收到申请', '公开率']);
    expect(rows).toHaveLength(truth.length);
    rows.forEach((r, i) => {
      const t = truth[i];
      expect(r.slice(0, 3)).toEqual([t.unit, String(t.year), t.received === null ? '' : String(t.received)]);
      if (t.disclosure_rate === null) expect(r[3]).toBe('');
      else expect(Number(r[3])).toBeCloseTo(t.disclosure_rate, 12);
    });
    if (truth.some((t) => t.received === null || t.disclosure_rate === null)) expect(rows.some((r) => r.includes(''))).toBe(true);
    clean(v);
  });

  it('exports the chart’s data as XLSX that unzips to the same values, with title and source on a second sheet', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const { name, bytes } = await exportFile(v.page, 'xlsx');
    expect(name).toBe(`${HEADLINE_TITLE}.xlsx`);
    const parts = unzip(bytes);
    expect(parts.get('xl/workbook.xml')!.data.toString('utf8')).toContain(`name="${DATA_SHEET}"`);
    const cells = sheetCells(parts.get('xl/worksheets/sheet1.xml')!.data.toString('utf8'));
    expect(['A1', 'B1', 'C1', 'D1'].map((r) => cells.get(r))).toEqual(['单位', '年度', '收到申请', '公开率']);
    truth.forEach((t, i) => {
      const r = i + 2;
      expect(cells.get(`A${r}`)).toBe(t.unit);
      expect(cells.get(`B${r}`)).toBe(t.year);
      expect(cells.get(`C${r}`)).toBe(t.received ?? undefined);
      if (t.disclosure_rate === null) expect(cells.has(`D${r}`)).toBe(false);
      else expect(cells.get(`D${r}`) as number).toBeCloseTo(t.disclosure_rate, 12);
    });
    const note = [...sheetCells(parts.get('xl/worksheets/sheet2.xml')!.data.toString('utf8')).values()];
    expect(note).toContain(HEADLINE_TITLE);
    expect(note).toContain(SOURCE_LINE);
    clean(v);
  });

  it('pins charts; /print shows them after a reload, reorders, unpins, and prints on A4 without the site chrome', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    for (const n of [1, 2]) {
      await v.page.click('[data-pin="headline"]');
      await v.page.waitForSelector(`[data-export-menu="headline"] [role="status"]:has-text("共 ${n} 张")`);
    }
    await v.page.click('[data-export-menu="headline"] a[href="/print"]');
    await v.page.waitForSelector('section[data-pins="2"]');
    await v.page.reload();
    await v.page.waitForSelector('section[data-pins="2"]');
    const articles = v.page.locator('article.pin');
    expect(await articles.count()).toBe(2);
    expect(await articles.first().locator('h3').textContent()).toBe(`1. ${HEADLINE_TITLE}`);
    expect(await articles.first().textContent()).toContain(SOURCE_LINE);
    expect(await articles.first().locator('tbody tr').count()).toBe(truth.length);
    const drawn = await articles.first().locator('img').evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth));
    expect(drawn).toBeGreaterThan(0);

    // A cover, then one chart per A4 page, when printed (Chromium's PDF of the print layout).
    await v.page.emulateMedia({ media: 'print' });
    expect(await v.page.locator('header nav').isVisible()).toBe(false);
    expect(await v.page.locator('.pin-tools').first().isVisible()).toBe(false);
    const pdfBuf = await v.page.pdf({ preferCSSPageSize: true });
    if (process.env.KEEP_PDF) (await import("node:fs")).writeFileSync(process.env.KEEP_PDF, pdfBuf);
    const pdf = pdfBuf.toString("latin1");
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(1 + 2);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(Math.abs(Number(box?.[1]) - 595.28)).toBeLessThan(1); // A4 in points
    expect(Math.abs(Number(box?.[2]) - 841.89)).toBeLessThan(1);
    await v.page.emulateMedia({ media: 'screen' });

    const [first, second] = await articles.evaluateAll((els) => els.map((e) => e.getAttribute('data-pin-id')));
    await articles.nth(1).locator('[data-move="up"]').click();
    expect(await articles.evaluateAll((els) => els.map((e) => e.getAttribute('data-pin-id')))).toEqual([second, first]);
    await articles.first().locator('[data-unpin]').click();
    await v.page.reload();
    await v.page.waitForSelector('section[data-pins="1"]');
    expect(await articles.first().getAttribute('data-pin-id')).toBe(first);
    clean(v);
  });

  it('says in Chinese when the stored pins are corrupt, and keeps the record aside when a chart is pinned', async () => {
    const v = await go();
    await v.page.evaluate((k) => localStorage.setItem(k, '{oops'), PIN_KEY);
    await v.page.goto(new URL('/print', suite.server.url).href);
    await v.page.waitForSelector('section[data-pins="0"]');
    expect(await v.page.textContent('[role="alert"]')).toBe(MESSAGES.corrupt);
    await v.page.goto(suite.server.url);
    await waitForDuckDB(v.page);
    await v.page.click('[data-pin="headline"]');
    await v.page.waitForSelector('[data-export-menu="headline"] [role="status"]:has-text("共 1 张")');
    expect(await v.page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY)).toBe('{oops');
    clean(v);
  });

  it('download page: links fetch the real Parquet files, CSVs equal the dataset', async () => {
    const v = await go('/download');
    await v.page.waitForSelector('a[data-parquet]');
    const links = v.page.locator('a[data-parquet]');
    expect(await links.count()).toBe(4);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const bytes = Buffer.from(await v.page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), href));
      expect(bytes.subarray(0, 4).toString('latin1'), href).toBe('PAR1');
      expect(bytes.subarray(-4).toString('latin1'), href).toBe('PAR1');
    }
    for (const table of ['findings', 'reports', 'dictionary']) {
      const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click(`[data-csv="${table}"]`)]);
      expect(download.suggestedFilename()).toBe(`${table}.csv`);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.startsWith(BOM)).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      const reader = await suite.db.conn.runAndReadAll(`SELECT * EXCLUDE (origin) FROM ${table}`);
      expect(header).toEqual(reader.columnNames());
      const expected = reader.getRows().map((r) => r.map((x) => (x === null ? '' : typeof x === 'bigint' ? x.toString() : String(x))));
      expect(rows).toEqual(expected);
    }
    expect(await v.page.locator('table.dictionary tbody tr').count()).toBeGreaterThan(100);
    clean(v);
  });
});
