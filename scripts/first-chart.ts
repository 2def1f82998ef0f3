/**
 * Build step (svelte.config.js, after the pages are written, before they are compressed): each
 * chart page's first chart drawn as SVG into its HTML (scripts/static-page.ts): the overview's
 * from the shipped summary.json, the place summaries of 对比, 申请, 复议诉讼 and 采购与收费
 * from the build's prerendered answers (scripts/first-chart-drill.ts).
 *
 *   node --import tsx scripts/first-chart.ts BUILD_DIR
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetSummary } from '../src/lib/data/summary';
import type { DivisionTable } from '../src/lib/divisions';
import { HEADLINE_TITLE, headGrid, headRows, headlineOption, headlineSubtitle } from '../src/lib/overview/chart';
import { fromSummary } from '../src/lib/overview/model';
import { regionScreen } from '../src/lib/overview/regions';
import { ANSWERS_DIR, ANSWERS_INDEX } from '../src/lib/prerender/key';
import { totals } from '../src/lib/overview/totals';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { DRILL_PAGES, answersIn, drillContext, drillFigure, drillStates, staticDrill } from './first-chart-drill';
import { HEIGHT, moduleFiles, scriptImports, stateDrawings, staticFigure, staticFrame, text, withStaticChart, type StateFigure } from './static-page';

/** The module every chart page imports once mounted to ask its questions. */
const SERVICE_MODULE = 'src/lib/data/service.ts';
/** Kit's root error page, which its client loads on every start beside the page's own nodes. */
const KIT_ERROR_NODE = '.svelte-kit/generated/client-optimized/nodes/1.js';

export function staticOverview(summary: DatasetSummary): string | null {
  const overview = fromSummary(summary);
  const boxes = totals(overview).map((t) => `<div><dt>${text(t.label)}</dt><dd>${text(t.text)}</dd></div>`).join('');
  if (overview.regions) {
    // A large dataset's overview draws its places (overview/regions.ts), as the page does.
    const known = overview.regionNames ?? {};
    const view = regionScreen(overview.regions, overview.years, (c) => known[c] ?? null).received;
    return staticFrame('总览', `<dl class="totals">${boxes}</dl>` + staticFigure(view.option, view.title, '', view.height, 'headline'));
  }
  const rows = headRows(overview.headline);
  if (!rows.length) return null;
  const grid = headGrid(rows);
  const option = headlineOption(grid, 'received');
  return staticFrame('总览', `<dl class="totals">${boxes}</dl>`
    + staticFigure(option, HEADLINE_TITLE, headlineSubtitle(grid, 'received'), HEIGHT, 'headline'));
}

if (process.argv[1]?.endsWith('first-chart.ts')) {
  const dir = process.argv[2];
  // A link with state asks for the page's scripts at once, each with what it imports.
  const imports = scriptImports();
  const draw = (file: string, block: string | null, what: string, modules: string[] = [], fetches: string[] = [], states: StateFigure[] = []) => {
    const page = join(dir, file);
    if (!block) return console.log(`first-chart: ${what} has no static chart (the build holds no figures for it)`);
    writeFileSync(page, withStaticChart(readFileSync(page, 'utf8'), block, modules, fetches, imports, states));
    console.log(`first-chart: ${what}'s first chart drawn into ${page} (${(block.length / 1024).toFixed(0)} KB)`);
  };
  const summaryFile = join(dir, 'data', 'summary.json');
  draw('index.html', existsSync(summaryFile) ? staticOverview(JSON.parse(readFileSync(summaryFile, 'utf8')) as DatasetSummary) : null, 'the overview');
  const divisions = JSON.parse(readFileSync('data/divisions.json', 'utf8')) as DivisionTable;
  const answers = answersIn(dir);
  // A chart page opened by a link with state computes its view at once: the query service's
  // modules are asked for with the page's own, and the index of the prerendered answers.
  const service = [...moduleFiles(SERVICE_MODULE), ...moduleFiles(KIT_ERROR_NODE)];
  if (!service.length) console.log(`first-chart: no client manifest names ${SERVICE_MODULE}: links with state fetch it after the page starts`);
  const ctx = drillContext(answers, divisions);
  for (const page of DRILL_PAGES) {
    // The states links carry most, each drawn into two files the guard shows as images.
    const states: StateFigure[] = [];
    for (const st of ctx ? drillStates(page, ctx) : []) {
      const view = drillFigure(page, ctx!, answers, st);
      if (!view) continue;
      const d = stateDrawings(view.option, view.height);
      const id = createHash('sha256').update(`${page.path}?${st.query}\n${d.wide}`).digest('hex').slice(0, 16);
      const folder = join(dir, 'data', 'static', page.path);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${id}-wide.svg`), d.wide);
      writeFileSync(join(folder, `${id}-phone.svg`), d.phone);
      states.push({ query: st.query, title: view.title, legend: d.legend, marks: d.marks, src: `./data/static/${page.path}/${id}`, name: `${page.path}-regions` });
    }
    if (states.length) console.log(`first-chart: /${page.path}: ${states.length} URL states drawn into data/static/${page.path}/`);
    draw(`${page.path}.html`, staticDrill(page, answers, divisions), `/${page.path}`, service, [`./data/${ANSWERS_DIR}/${ANSWERS_INDEX}`], states);
  }
}
