/**
 * Opens a spreadsheet with LibreOffice (headless, Debian `libreoffice-calc-nogui`) and returns
 * each sheet as CSV text: a real spreadsheet program reads what the app wrote. Each call uses
 * its own LibreOffice profile, so parallel runs do not fight over one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Values as the spreadsheet shows them (a ratio in a percent format: 82.5%).
 * Returns sheet name → CSV text (UTF-8).
 */
export function spreadsheetCsv(bytes: Uint8Array): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-soffice-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    // Tokens: separator , · quote " · UTF-8 · from line 1 · (cell format) · language · quoted as
    // text · detect numbers · save as shown · formulas · trim · sheet -1 = every sheet to its own file.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1`;
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', join(dir, 'out'), file],
      { stdio: 'pipe', timeout: 120_000 });
    const out = new Map<string, string>();
    for (const f of readdirSync(join(dir, 'out'))) {
      const m = /^book-(.+)\.csv$/.exec(f);
      if (m) out.set(m[1], readFileSync(join(dir, 'out', f), 'utf8'));
    }
    if (out.size === 0) throw new Error(`LibreOffice wrote no CSV: ${readdirSync(join(dir, 'out')).join(', ')}`);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
