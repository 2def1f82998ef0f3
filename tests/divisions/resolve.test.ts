import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../src/lib/divisions/load';
import { resolveDivision } from '../../src/lib/divisions/resolve';
import { divisionIndex } from '../../src/lib/divisions/indexes';
import { divisionStem } from '../../src/lib/divisions/stem';

const table = loadDivisions();
const resolve = (unit: string, text = '', level?: string) => resolveDivision({ unit, text, level }, table);

describe('table', () => {
  it('has every level with its package counts and prefix parents', () => {
    const idx = divisionIndex(table);
    const count = (n: number) => [...idx.byCode.keys()].filter((c) => c.length === n).length;
    expect([count(2), count(4), count(6), count(9)]).toEqual([31, 342, 2978, 41352]);
    expect(idx.byCode.get('231083104')?.parent?.code).toBe('231083');
  });
  it('leaves the 直辖市 placeholders out of paths', () => {
    const idx = divisionIndex(table);
    expect(idx.byCode.get('110101')?.path).toBe('北京市东城区');
    expect(idx.byCode.get('419001')?.path).toBe('河南省济源市');
    expect(idx.byName.has('市辖区')).toBe(false);
  });
});

describe('stems', () => {
  it('drops the administrative suffix and ethnic words', () => {
    expect(divisionStem('牡丹江市')).toBe('牡丹江');
    expect(divisionStem('黔西南布依族苗族自治州')).toBe('黔西南');
    expect(divisionStem('内蒙古自治区')).toBe('内蒙古');
    expect(divisionStem('东华门街道')).toBe('东华门');
    expect(divisionStem('沙县')).toBeNull();
    expect(divisionStem('柴河林业局')).toBeNull();
  });
});

describe('ambiguous names', () => {
  it('two 柴河镇 and no context: no code, both candidates', () => {
    const r = resolve('柴河镇人民政府', '柴河镇2020年度政府信息公开工作年度报告。本报告所列数据统计期限自2020年1月1日起。');
    expect(r.code).toBeNull();
    expect(r.name).toBe('柴河镇');
    expect(r.level).toBe('township');
    expect(r.candidates?.length).toBeGreaterThanOrEqual(2);
    expect(r.candidateCodes).toContain('231083104');
  });
  it('the text naming 海林市 decides', () => {
    const r = resolve('柴河镇人民政府', '本报告由海林市柴河镇人民政府编制。');
    expect(r).toEqual({ name: '黑龙江省牡丹江市海林市柴河镇', code: '231083104', level: 'township' });
  });
  it('the text naming the other one decides the other way', () => {
    expect(resolve('柴河镇人民政府', '扎兰屯市柴河镇').code).toBe('150783106');
  });
  it('a parent in the title decides without the text', () => {
    expect(resolve('海林市柴河镇人民政府').code).toBe('231083104');
  });
});

describe('unit titles', () => {
  it('county under its city', () => expect(resolve('淮安市洪泽区人民政府').code).toBe('320813'));
  it('city', () => expect(resolve('淮安市人民政府')).toEqual({ name: '江苏省淮安市', code: '3208', level: 'city' }));
  it('a department belongs to its division', () => expect(resolve('沭阳县发展和改革局').code).toBe('321322'));
  it('直辖市 as province', () => expect(resolve('上海市科委')).toEqual({ name: '上海市', code: '31', level: 'province' }));
  it('a stem at the start, confirmed by the text', () =>
    expect(resolve('上海科委', '根据《上海市政府信息公开规定》').code).toBe('31'));
  it('a stem at the start with no context stays open (上海街道 in 福州)', () => {
    const r = resolve('上海科委');
    expect(r.code).toBeNull();
    expect(r.candidateCodes).toContain('31');
  });
  it('district of a 直辖市', () => expect(resolve('北京市东城区人民政府').name).toBe('北京市东城区'));
  it('a city without districts is the city', () =>
    expect(resolve('东莞市人民政府')).toEqual({ name: '广东省东莞市', code: '4419', level: 'city' }));
  it('words after the place do not move it elsewhere', () => expect(resolve('沭阳县发展乡村振兴局').code).toBe('321322'));
  it('no place in the title: the text names it', () =>
    expect(resolve('市科学技术委员会', '上海市科学技术委员会 2024年度报告。根据《上海市政府信息公开规定》').code).toBe('31'));
  it('nothing at all', () => expect(resolve('科委', '')).toEqual({ name: null, code: null, level: null }));
});

describe('a place the text names as another body\'s', () => {
  it('a 南山区 that went to learn from 深圳市南山区, or received visitors from 深圳, is not placed there', () => {
    expect(resolve('南山区人民政府', '本年度，南山区赴广东省深圳市南山区学习交流政务公开经验。').code).toBeNull();
    expect(resolve('南山区人民政府', '本年度接待广东省深圳市来访考察团2批次。').code).toBeNull();
  });
  it('the same words naming its own place still place it', () => {
    expect(resolve('南山区人民政府', '本报告由深圳市南山区人民政府办公室编制。').code).toBe('440305');
    // A visit named, and the body's own city named elsewhere: the own mention counts.
    expect(resolve('南山区人民政府', '深圳市南山区人民政府办公室负责编制本报告。本年度赴深圳市福田区交流。').code).toBe('440305');
  });
});
