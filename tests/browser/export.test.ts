/**
 * Export, pin and print, and the download page, on the built site in Chromium. Every figure a
 * file carries is compared with data/*.parquet read by Node DuckDB, not with the app's SQL.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOM } from '../../src/lib/export/csv';
import { frame, SOURCE_LINE } from '../../src/lib/export/layout';
import { BACKUP_KEY, MESSAGES, PIN_KEY } from '../../src/lib/export/pins';
import { DATA_SHEET, NOTE_SHEET } from '../../src/lib/export/workbook';
import { HEADLINE_TITLE } from '../../src/lib/overview/chart';
import { parseCsv } from '../support/csv';
import { spreadsheetCsv } from '../support/soffice';
import { siteSuite, visit, waitForDuckDB, type Visit } from './site';

const TRUTH_SQL = `SELECT unit, year, apps__new__total AS received, apps__total__total AS handled,
  (apps__granted__total + apps__partial__total) / NULLIF(apps__total__total, 0) AS disclosure_rate
  FROM reports ORDER BY unit, year, report_id`;
type Truth = { unit: string; year: number; received: number | null; handled: number | null; disclosure_rate: number | null };

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

  /** The on-screen legend of the headline chart, with the colours the export must use. */
  /** The on-screen legend: series with their swatch colour, then the marks' keys (no swatch). */
  const screenLegend = (page: Page) => page.$$eval('[data-legend="headline"] li', (lis) => lis.map((li) => {
    const swatch = li.querySelector('.swatch') as HTMLElement | null;
    return swatch ? { name: li.textContent!.trim(), color: swatch.style.background } : { name: li.textContent!.trim() };
  }));

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
    const legend = await screenLegend(v.page);
    expect(legend.length).toBeGreaterThan(1);
    const f = frame({ title: HEADLINE_TITLE, subtitle, units: '件' }, legend, size.width);
    expect(bytes.readUInt32BE(16)).toBe(2 * size.width);
    // The legend is drawn under the chart: the picture is taller than chart and frame by its rows.
    expect(f.legend).toBeGreaterThanOrEqual(20);
    expect(bytes.readUInt32BE(20)).toBe(2 * (f.header + size.height + f.legend + f.footer));
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
    // Every series of the on-screen legend is named in the SVG's legend, as text.
    const legendText = [...svg.matchAll(/data-role="legend">([^<]*)</g)].map((m) => m[1]);
    const onScreen = await screenLegend(v.page);
    expect(legendText).toEqual(onScreen.filter((l) => 'color' in l).map((l) => l.name));
    // The marks the chart draws (※ for 洪泽区 2023) are explained in the SVG as on screen.
    const marks = [...svg.matchAll(/data-role="legend-mark">([^<]*)</g)].map((m) => m[1]);
    expect(marks).toEqual(onScreen.filter((l) => !('color' in l)).map((l) => l.name));
    expect(marks).toContain('※ 该报告有勾稽不符');
    clean(v);
  });

  /** What the CSV must say for a truth row (written from the spec's words, not the app's). */
  function expectedRow(t: Truth): string[] {
    const rate = t.disclosure_rate === null ? ['', t.handled === 0 ? '无法计算（0 件）' : '未填报'] : [String(t.disclosure_rate), ''];
    return [t.unit, String(t.year), t.received === null ? '' : String(t.received), t.received === null ? '未填报' : '',
      t.handled === null ? '' : String(t.handled), t.handled === null ? '未填报' : '', ...rate, 'shipped'];
  }

  it('exports the chart’s data as CSV: BOM, numbers numeric, each state in its own column, units in the header, origin', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const { name, bytes } = await exportFile(v.page, 'csv');
    expect(name).toBe(`${HEADLINE_TITLE}.csv`);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    // A state column appears beside a figure only where some figure is missing.
    const all = ['单位', '年度', '收到申请（件）', '收到申请·状态', '办理总数（件）', '办理总数·状态', '公开率（比例）', '公开率·状态', 'origin'];
    const keep = all.map((h) => header.includes(h));
    expect(header).toEqual(all.filter((_, j) => keep[j]));
    expect(keep[6] && keep[8]).toBe(true);
    expect(rows).toHaveLength(truth.length);
    rows.forEach((r, i) => {
      const want = expectedRow(truth[i]).filter((_, j) => keep[j]);
      r.forEach((cell, j) => {
        if (header[j] === '公开率（比例）' && cell !== '') expect(Number(cell)).toBeCloseTo(Number(want[j]), 12);
        else expect(cell, `${i} ${header[j]}`).toBe(want[j]);
      });
    });
    clean(v);
  });

  it('exports XLSX that LibreOffice opens to the same table as the CSV, ratios shown as %, the states explained', async () => {
    const v = await go();
    await waitForDuckDB(v.page);
    const xlsx = await exportFile(v.page, 'xlsx');
    expect(xlsx.name).toBe(`${HEADLINE_TITLE}.xlsx`);
    const csv = parseCsv((await exportFile(v.page, 'csv')).bytes.toString('utf8').slice(1));
    const sheets = spreadsheetCsv(xlsx.bytes);
    const book = parseCsv(sheets.get(DATA_SHEET)!.replace(/\r?\n/g, '\r\n'));
    expect(book.length).toBe(csv.length);
    expect(book[0]).toEqual(csv[0]);
    const rateCol = csv[0].indexOf('公开率（比例）');
    csv.slice(1).forEach((row, i) => row.forEach((cell, j) => {
      const got = book[i + 1][j] ?? '';
      if (j === rateCol && cell !== '') expect(got).toBe(`${(Number(cell) * 100).toFixed(1)}%`);
      else expect(got, `${i} ${csv[0][j]}`).toBe(cell);
    }));
    const note = sheets.get(NOTE_SHEET)!;
    for (const w of [HEADLINE_TITLE, SOURCE_LINE, '无此年报', '未填报', '表格无此项', '无法计算（0 件）']) expect(note).toContain(w);
    clean(v);
  }, 240_000);

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
