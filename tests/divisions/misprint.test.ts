/**
 * OCR turns one character of a place name into another (沐 for 沭). The unit keeps the name as
 * printed; the division is the one the misprint is one character from, when the title or text
 * names its province or city and no other division there is one character away.
 */
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../src/lib/divisions/load';
import { divisionIndex } from '../../src/lib/divisions/indexes';
import { resolveDivision } from '../../src/lib/divisions/resolve';
import { parseFile } from '../../src/lib/parse';
import { isFailure } from '../../src/lib/format';

const table = loadDivisions();
const resolve = (unit: string, text = '') => resolveDivision({ unit, text }, table);
const names = divisionIndex(table).byName;

describe('one wrong character in the title\'s place name', () => {
  it('the premises: the misprints are no division\'s name; 确山县, 泌阳县 and 正阳县 all lie in 驻马店市', () => {
    for (const n of ['确出县', '秘阳县']) expect(names.has(n), n).toBe(false);
    for (const n of ['确山县', '泌阳县', '正阳县']) expect(names.get(n)?.map((e) => e.parent?.name), n).toContain('驻马店市');
  });

  it('one division one character away, its city named in the text: that division', () => {
    const r = resolve('确出县人民政府', '河南省驻马店市确出县人民政府2023年政府信息公开工作年度报告');
    expect(r.code).toBe(names.get('确山县')![0].code);
  });

  it('its province named before it in the title: that division', () => {
    expect(resolve('河南省确出县发展和改革委员会').code).toBe(names.get('确山县')![0].code);
  });

  it('no province or city named anywhere: no code', () => {
    const r = resolve('确出县人民政府', '确出县人民政府2023年政府信息公开工作年度报告');
    expect(r.code).toBeNull();
  });

  it('two divisions of the named city one character away (泌阳县, 正阳县): the name as printed, no code', () => {
    const r = resolve('秘阳县人民政府', '河南省驻马店市秘阳县2023年政府信息公开工作年度报告');
    expect(r.code).toBeNull();
    expect(r.name).toBe('秘阳县');
    expect(r.candidates?.sort()).toEqual([names.get('泌阳县')![0].path, names.get('正阳县')![0].path].sort());
  });

  it('a department\'s words are not bent into a place (开发区 is not 开福区)', () => {
    const r = resolve('长沙经济技术开发区管理委员会', '湖南省长沙市');
    expect(r.code).not.toBe(names.get('开福区')![0].code);
  });

  it('a parsed report keeps the unit as printed and gets the division', async () => {
    const text = ['河南省驻马店市', '确出县人民政府2023年政府信息公开工作年度报告', '一、总体情况',
      '四、政府信息公开行政复议、行政诉讼情况', '行政复议\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
      Array(15).fill(0).join('\t'), '五、存在的主要问题及改进情况'].join('\n');
    const r = await parseFile('x.txt', new TextEncoder().encode(text), table);
    if (isFailure(r)) throw new Error(r.error.message);
    expect(r.unit).toBe('确出县人民政府');
    expect(r.division.code).toBe(names.get('确山县')![0].code);
  });
});
