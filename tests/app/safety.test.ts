import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(svelte|ts)$/.test(f) ? [p] : [];
  });
}

describe('app source rules', () => {
  const files = [...sources('src/routes'), ...sources('src/lib/charts'), ...sources('src/lib/overview'), ...sources('src/lib/data'),
    ...sources('src/lib/export'), ...sources('src/lib/import'), ...sources('src/lib/workspace'),
    ...['unit', 'quality', 'coverage', 'sql'].flatMap((d) => sources(`src/lib/${d}`))];

  it('never renders report text as HTML', () => {
    const offenders = files.filter((f) => /\{@html\b|\.innerHTML\s*=/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('loads nothing from another origin at run time', () => {
    // XML namespace names (SVG, Office Open XML) look like URLs but are never fetched.
    const offenders = files.filter((f) => /https?:\/\/(?!127\.0\.0\.1|localhost|www\.w3\.org\/(2000\/svg|1999\/xlink)|schemas\.openxmlformats\.org\/)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
