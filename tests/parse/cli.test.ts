/** The command line contract: `gongkai parse FILE… --json`. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KEYS } from '../../src/lib/format';
import { gold, reportPath } from '../support/gold';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/gongkai.js');

async function gongkai(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('gongkai parse --json', () => {
  it('prints one object for one file with every key of its template', async () => {
    const { code, out } = await gongkai('parse', reportPath('chaihe-2020.txt'), '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const g = gold('chaihe-2020');
    expect(r.unit).toBe(g.unit);
    expect(r.division).toEqual(g.division);
    expect(r.level).toBe(g.level);
    expect(r.year).toBe(g.year);
    expect(r.template).toBe(g.template);
    expect(Object.keys(r.cells).sort()).toEqual([...TEMPLATE_KEYS[r.template as '2019']].sort());
    expect(r.cells).toEqual(g.cells);
    expect(r.uncertain).toEqual({});
    expect(r.findings).toEqual([]);
    expect(r.proactive_total.value).toBe(g.proactive_total?.value);
  }, 30000);

  it('prints an array for several files and exits non-zero when one is refused', async () => {
    const { code, out } = await gongkai('parse', reportPath('pingtan-2024.tables.html'), reportPath('pingtan-2018.txt'), '--json');
    expect(code).not.toBe(0);
    const arr = JSON.parse(out);
    expect(arr).toHaveLength(2);
    expect(arr[0].year).toBe(2024);
    expect(arr[1].error.code).toBe('too_old');
    expect(arr[1].error.message).toMatch(/[\u4e00-\u9fff]/);
  }, 30000);

  it('answers a missing file with a Chinese message', async () => {
    const { code, out } = await gongkai('parse', '/nonexistent/report.pdf', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).error.message).toMatch(/无法打开文件/);
    expect(JSON.parse(out).error.code).toBe('unreadable');
  }, 30000);
});
