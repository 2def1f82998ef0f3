/** gongkai parse FILE [FILE…] [--json] — the command line around the parser. */
import { basename } from 'node:path';
import { isFailure, type ParseOutcome } from '../lib/format';
import { parseFile } from '../lib/parse';
import { loadDivisions } from '../lib/divisions/load';
import { BUILD_USAGE, build } from './build';
import { readBytes } from './read-bytes';

const USAGE = `用法：gongkai parse 文件 [文件…] [--json]
  读取政府信息公开工作年度报告（PDF、网页 .html、文本 .txt、Markdown .md），输出各表数字。
${BUILD_USAGE}`;

async function parseOne(path: string): Promise<ParseOutcome> {
  const bytes = readBytes(path, path);
  return bytes instanceof Uint8Array ? parseFile(path, bytes, loadDivisions()) : bytes;
}

function summary(o: ParseOutcome): string {
  if (isFailure(o)) return `✗ ${basename(o.file)}：${o.error.message}`;
  const lines = [
    `✓ ${basename(o.file)}：${o.unit ?? '（单位未知）'} ${o.year ?? '（年度未知）'} 年度，${o.template} 版格式`,
    `  行政区划：${o.division.name ?? '未确定'}${o.division.code ? `（${o.division.code}）` : ''}`,
    `  本年新收申请 ${o.cells['apps.new.total'] ?? '未报告'} 件，办理 ${o.cells['apps.total.total'] ?? '未报告'} 件`,
    `  勾稽问题 ${o.findings.length} 处，不确定的数 ${Object.keys(o.uncertain).length} 个`,
  ];
  for (const f of o.findings) lines.push(`    · ${f.message}`);
  for (const [k, why] of Object.entries(o.uncertain)) lines.push(`    ? ${k}：${why}`);
  for (const n of o.notes) lines.push(`  注：${n}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'build') return build(rest);
  if (cmd !== 'parse') {
    process.stderr.write(`${USAGE}\n`);
    return cmd === undefined || cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
  const json = rest.includes('--json');
  const files = rest.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const out: ParseOutcome[] = [];
  for (const f of files) out.push(await parseOne(f));
  if (json) process.stdout.write(`${JSON.stringify(out.length === 1 ? out[0] : out, null, 1)}\n`);
  else process.stdout.write(`${out.map(summary).join('\n')}\n`);
  return out.some(isFailure) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
