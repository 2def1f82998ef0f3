/**
 * Finding 表二 when its opening is lost: a report whose section heading, first item heading and
 * first rows are missing still has its later rows read (the lost ones flagged), and lines that
 * name an item and its rows without the table's column words are not taken for the table.
 */
import { describe, expect, it } from 'vitest';
import { KEY_INFO } from '../../src/lib/format';
import { FAMILIES } from '../support/synthetic-families';
import { parsedText } from '../support/parse-text';

const T2 = [...KEY_INFO].filter(([, v]) => v.table === 't2').map(([k]) => k);

const parse = parsedText;

/** A readable report (Markdown pipes) with its lines from 表二's heading through the 规章 row dropped. */
function lostOpening(seed: number) {
  const d = FAMILIES.find((f) => f.id === 'f2')!.make(seed);
  const lines = d.text.split('\n');
  const open = lines.findIndex((l) => l.includes('主动公开政府信息'));
  const rules = lines.findIndex((l) => /\|规章\|/.test(l));
  return { text: [...lines.slice(0, open), ...lines.slice(rules + 1)].join('\n'), truth: d.truth.cells };
}

describe('表二 whose opening is lost', () => {
  it('reads the rows still printed and flags the rest; never says the table is missing', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const { text, truth } = lostOpening(seed);
      const r = await parse(text);
      expect(r.notes.join(''), `seed ${seed}`).not.toContain('没有找到表二');
      const keys = T2.filter((k) => k in truth);
      expect(keys.filter((k) => !(k in r.uncertain) && r.cells[k] !== truth[k]), `seed ${seed}`).toEqual([]);
      for (const k of keys.filter((x) => /^t2\.(licensing|punishment|coercion)\./.test(x))) expect(r.cells[k], `seed ${seed} ${k}`).toBe(truth[k]);
    }
  });

  it('lines naming an item and its rows, with no column words, are not 表二', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const lines = FAMILIES.find((f) => f.id === 'f2')!.make(seed).text.split('\n');
      const open = lines.findIndex((l) => l.includes('主动公开政府信息'));
      const end = lines.findIndex((l) => l.includes('收到和处理政府信息公开申请'));
      const text = [...lines.slice(0, open), '根据第二十条第（五）项', '行政许可 1578 件', '行政处罚 1589 件', ...lines.slice(end)].join('\n');
      const r = await parse(text);
      expect(T2.filter((k) => r.cells[k] != null), `seed ${seed}`).toEqual([]);
    }
  });
});
