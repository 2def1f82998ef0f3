/**
 * A page's first chart in its HTML: the build draws it as SVG (ECharts' server-side renderer),
 * in a copy of the page's header and menu, laid over the page; the page's own chart takes its
 * place once drawn (prerender/first-screen.ts). Two drawings, one for a wide screen and one for
 * a phone, so neither is scaled past reading.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { EChartsCoreOption } from 'echarts/core';
import { FONT, PALETTE } from '../src/lib/charts/echarts';
import { chartSvg } from '../src/lib/charts/ssr';
import { markKeys, seriesNames } from '../src/lib/charts/options';
import { NAV, SITE_TAGLINE, SITE_TITLE } from '../src/lib/nav';
import { STATIC_CHART_ID } from '../src/lib/prerender/first-screen';
import { MARKS } from '../src/lib/data/marks';

/** The page's chart box: its height (Chart.svelte's default), and the width of main's column. */
export const HEIGHT = 420;
const WIDE = 1104;
const PHONE = 366;

export const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `<style>
#${STATIC_CHART_ID}{position:absolute;top:0;left:0;right:0;min-height:100vh;background:#fff;z-index:10;color:#1c2430;font-family:${FONT}}
#${STATIC_CHART_ID} header{padding:1rem 1.5rem .5rem;border-bottom:1px solid #e3e7ec}
#${STATIC_CHART_ID} h1{margin:0;font-size:1.4rem}
#${STATIC_CHART_ID} header p{margin:.3rem 0 0;color:#555;font-size:.9rem}
#${STATIC_CHART_ID} nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin-top:.6rem}
#${STATIC_CHART_ID} nav a{color:#1f5fa8;text-decoration:none;padding:.2rem 0}
#${STATIC_CHART_ID} main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
#${STATIC_CHART_ID} h2{font-size:1.15rem;margin:.5rem 0 1rem}
#${STATIC_CHART_ID} figure{margin:0}
#${STATIC_CHART_ID} .totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:0}
#${STATIC_CHART_ID} .totals div{background:#f4f6f9;border-radius:6px;padding:.6rem .9rem}
#${STATIC_CHART_ID} dt{color:#555;font-size:.85rem}
#${STATIC_CHART_ID} dd{margin:.2rem 0 0;font-size:1.25rem;font-weight:600}
#${STATIC_CHART_ID} .mark{color:#7a4b00}
#${STATIC_CHART_ID} figcaption{text-align:center;margin:1rem 0 .3rem}
#${STATIC_CHART_ID} .title{font-weight:600}
#${STATIC_CHART_ID} .subtitle{display:block;color:#555;font-size:.85rem}
#${STATIC_CHART_ID} ul{list-style:none;display:flex;flex-wrap:wrap;justify-content:center;gap:.2rem 1.2rem;margin:.3rem 0 0;padding:0;font-size:.85rem}
#${STATIC_CHART_ID} .swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.1rem}
#${STATIC_CHART_ID} svg,#${STATIC_CHART_ID} img{display:block;width:100%;height:auto}
#${STATIC_CHART_ID} .phone{display:none}
@media (max-width:600px){#${STATIC_CHART_ID} header,#${STATIC_CHART_ID} main{padding-left:.75rem;padding-right:.75rem}#${STATIC_CHART_ID} .wide{display:none}#${STATIC_CHART_ID} .phone{display:block}}
</style>`;

/** A chart as the page draws it: caption, legend, and one SVG drawing per screen width. */
export function staticFigure(option: EChartsCoreOption, title: string, subtitle: string, height: number, name: string): string {
  const legend = seriesNames(option)
    .map((s, i) => `<li><span class="swatch" style="background:${PALETTE[i % PALETTE.length]}"></span>${text(s)}</li>`)
    .concat(markKeys(option).map((m) => `<li class="mark">${text(m)}</li>`)).join('');
  return `<figure><figcaption><span class="title">${text(title)}</span>`
    + (subtitle ? `<span class="subtitle">${text(subtitle)}</span>` : '') + `${legend ? `<ul>${legend}</ul>` : ''}</figcaption>`
    + `<div class="wide" data-static-chart="${text(name)}">${chartSvg(option, WIDE, height)}</div>`
    + `<div class="phone">${chartSvg(option, PHONE, height)}</div></figure>`;
}

/** The block laid over a page: a copy of the site's header and menu, the page's heading, `body`. */
export function staticFrame(heading: string, body: string): string {
  const nav = NAV.map((n) => `<a href=".${n.href === '/' ? '/' : n.href}">${text(n.label)}</a>`).join('');
  return `<div id="${STATIC_CHART_ID}" aria-hidden="true">`
    + `<header><h1>${text(SITE_TITLE)}</h1><p>${text(SITE_TAGLINE)}</p><nav>${nav}</nav></header>`
    + `<main><h2>${text(heading)}</h2>${body}</main></div>`;
}

/**
 * A URL state the build drew (first-chart-drill.ts): the query a link carries (params sorted,
 * empty ones left out), the figure's caption and legend, and where its two drawings are.
 */
export interface StateFigure {
  query: string;
  title: string;
  legend: [name: string, colour: string][];
  marks: string[];
  /** Page-relative path of the drawings, without `-wide.svg` / `-phone.svg`. */
  src: string;
  /** The drawing's name (data-static-chart), as the default figure's. */
  name: string;
}

/** The drawings of a state figure, as its two files hold them, and its caption's parts. */
export function stateDrawings(option: EChartsCoreOption, height: number): { wide: string; phone: string; legend: [string, string][]; marks: string[] } {
  return {
    wide: chartSvg(option, WIDE, height),
    phone: chartSvg(option, PHONE, height),
    legend: seriesNames(option).map((s, i) => [s, PALETTE[i % PALETTE.length]]),
    marks: markKeys(option),
  };
}

/**
 * The state figures' part of the guard: the block's caption and legend set from the build's
 * words as text (no markup is parsed), its drawings shown as images from the site's own files
 * (an SVG image runs no script), and a mark once the visible one is painted (for bench:app).
 */
function fillState(states: readonly StateFigure[]): string {
  const table = Object.fromEntries(states.map((s) => [s.query, { t: s.title, l: s.legend, m: s.marks, f: s.src, n: s.name }]));
  // Place and body names come from the reports: no `<` may end the script early.
  return `const S=${JSON.stringify(table).replace(/</g, '\\u003c')};`
    + `const q=[...new URLSearchParams(location.search)].filter(e=>e[1]!=="").sort((x,y)=>x[0]<y[0]?-1:x[0]>y[0]?1:0).map(e=>e[0]+"="+encodeURIComponent(e[1])).join("&");`
    + `const s=Object.prototype.hasOwnProperty.call(S,q)?S[q]:null;`
    // A browser that lacks some DOM call gets no drawing rather than the default view's.
    + 'if(s)try{const f=b.querySelector("figure"),c=f.querySelector("figcaption");c.querySelector(".title").textContent=s.t;'
    + 'for(const x of c.querySelectorAll(".subtitle,ul"))x.remove();'
    + 'if(s.l.length||s.m.length){const u=document.createElement("ul");'
    + 'for(const[n,k]of s.l){const li=document.createElement("li"),w=document.createElement("span");w.className="swatch";w.style.background=k;li.append(w,n);u.append(li)}'
    + 'for(const m of s.m){const li=document.createElement("li");li.className="mark";li.textContent=m;u.append(li)}c.append(u)}'
    // Only the drawing the screen shows is fetched at once; the other waits until it is shown.
    + 'const p=matchMedia("(max-width:600px)").matches;'
    + 'for(const w of["wide","phone"]){const d=f.querySelector("."+w),i=document.createElement("img");i.alt="";'
    + 'if((w==="phone")===p)i.fetchPriority="high";else i.loading="lazy";'
    + 'i.onload=()=>{if(i.getClientRects().length)requestAnimationFrame(()=>requestAnimationFrame(()=>performance.mark(' + JSON.stringify(MARKS.staticChart) + ')))};'
    + 'i.src=s.f+"-"+w+".svg";if(w==="wide")d.dataset.staticChart=s.n;d.replaceChildren(i)}}catch(e){b.remove()}else b.remove();';
}

/**
 * A link with URL state (a place, bodies, years) asks for another view than the one drawn: the
 * guard, run as the parser reaches it, shows that state's drawing when the build made one
 * (`states`), and otherwise removes the block before the first paint; either way it asks for the
 * page's modules at once (`hrefs`: Kit's hints, which a page with a drawing leaves out, and any
 * the caller adds), so the view it must compute does not wait for them one import at a time.
 * Its hash is added to the page's policy (the server sends the page's own <meta> policy as its header).
 */
function guard(hrefs: readonly string[], fetches: readonly string[], states: readonly StateFigure[]): string {
  const link = (rel: string, extra = '') => `{const l=document.createElement("link");l.rel="${rel}";l.href=h;${extra}document.head.append(l)}`;
  return `if(location.search){const b=document.getElementById("${STATIC_CHART_ID}");`
    + (states.length ? fillState(states) : 'b.remove();')
    + `for(const h of ${JSON.stringify(hrefs)})${link('modulepreload')}`
    + (fetches.length ? `for(const h of ${JSON.stringify(fetches)})${link('preload', 'l.as="fetch";l.crossOrigin="anonymous";')}` : '')
    + '}';
}

const HINT = /[ \t]*<link href="([^"]*)" rel="modulepreload">\n?/g;

/**
 * The page with the block: its styles in head, the block and its guard first in body; `states`,
 * the URL states the build drew, which the guard shows in the block's place.
 * `modules` and `fetches`: more scripts and files (page-relative URLs) a link with state needs at
 * once; `imports` adds what a script imports in its turn (scriptImports), as Kit's hints miss some.
 */
export function withStaticChart(html: string, block: string, modules: readonly string[] = [], fetches: readonly string[] = [],
  imports: (hrefs: string[]) => string[] = (h) => h, states: readonly StateFigure[] = []): string {
  if (html.includes(`id="${STATIC_CHART_ID}"`)) throw new Error('the page already has a static chart');
  const body = /<body[^>]*>/.exec(html);
  if (!body || !html.includes('</head>')) throw new Error('the page has no <head> or <body>');
  const policy = /(<meta http-equiv="content-security-policy" content="[^"]*script-src[^;"]*)/i;
  if (!policy.test(html)) throw new Error('the page has no Content-Security-Policy with script-src');
  const at = body.index + body[0].length;
  const script = guard(imports([...new Set([...[...html.matchAll(HINT)].map((m) => m[1]), ...modules])]), fetches, states);
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  // The styles go before the policy's <meta>: an inline <style> after it held the first paint
  // back by ~450 ms in a fresh Chromium here (FCP 1,060 → 600 ms, 9 runs each).
  // Kit's modulepreload hints go: the page shows its chart without scripts, and fetching and
  // compiling every module at once held that first paint back (fresh Chromium, 7 runs
  // interleaved: 1,172 → 780 ms) without bringing the ECharts chart sooner (1,867 / 1,859 ms).
  return (html.slice(0, at) + `\n${block}<script>${script}</script>` + html.slice(at))
    .replace(HINT, '')
    .replace(/<meta http-equiv="content-security-policy"/i, `${STYLE}\n$&`)
    .replace(policy, `$1 ${hash}`);
}

const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';
type Manifest = Record<string, { file: string; imports?: string[] }>;
const readManifest = (file: string): Manifest | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null);

/** Page-relative URLs of the chunks a manifest entry stands for and those it imports statically, transitively. */
function closure(manifest: Manifest, keys: Iterable<string>): string[] {
  const files = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) walk(k);
  };
  for (const k of keys) walk(k);
  return [...files].map((f) => `./${f}`);
}

/**
 * The script files a source module pulls in as the page loads it (itself and its static imports),
 * from the client build's Vite manifest; none when the manifest is missing (first-chart.ts run on
 * its own over an older build), which the caller reports.
 */
export function moduleFiles(source: string, manifestFile = MANIFEST): string[] {
  const manifest = readManifest(manifestFile);
  return manifest ? closure(manifest, [source]) : [];
}

/** Script URLs with everything they import statically, by the client build's manifest (unchanged without one). */
export function scriptImports(manifestFile = MANIFEST): (hrefs: string[]) => string[] {
  const manifest = readManifest(manifestFile);
  if (!manifest) return (h) => h;
  const byFile = new Map(Object.entries(manifest).map(([k, v]) => [`./${v.file}`, k]));
  return (hrefs) => [...new Set([...hrefs, ...closure(manifest, hrefs.flatMap((h) => byFile.get(h) ?? []))])];
}
