import { describe, expect, it } from 'vitest';
import { entryCache, parseQuery, rankMatches, type SearchSource } from '../../src/lib/search/match';
import { searchKeys } from '../../src/lib/dataset/search-keys';

// Pinyin written out by hand, as the data build stores it (readings separated by |).
const UNITS: (SearchSource & { unit: string })[] = [
  { unit: '柴河镇人民政府', titles: ['柴河镇人民政府'], division_name: '黑龙江省牡丹江市海林市柴河镇', division_code: '231083104',
    pinyin: 'chai he zhen ren min zheng fu', initials: 'chzrmzf' },
  { unit: '洪泽区人民政府', titles: ['洪泽区人民政府', '淮安市洪泽区人民政府'], division_name: '江苏省淮安市洪泽区', division_code: '320813',
    pinyin: 'hong ze qu ren min zheng fu|huai an shi hong ze qu ren min zheng fu', initials: 'hzqrmzf|hashzqrmzf' },
  { unit: '淮安市人民政府', titles: ['淮安市人民政府'], division_name: '江苏省淮安市', division_code: '3208',
    pinyin: 'huai an shi ren min zheng fu', initials: 'hasrmzf' },
  { unit: '单县人民政府', titles: ['单县人民政府'], division_name: '山东省菏泽市单县', division_code: '371722',
    pinyin: 'dan xian ren min zheng fu|shan xian ren min zheng fu', initials: 'dxrmzf|sxrmzf' },
  { unit: '海林市人民政府', titles: ['海林市人民政府'], division_name: '黑龙江省牡丹江市海林市', division_code: '231083',
    pinyin: 'hai lin shi ren min zheng fu', initials: 'hlsrmzf' },
  { unit: '绿春县人民政府', titles: ['绿春县人民政府'], division_name: '云南省红河哈尼族彝族自治州绿春县', division_code: '532531',
    pinyin: 'lv chun xian ren min zheng fu', initials: 'lcxrmzf' },
];
const entry = entryCache((u: (typeof UNITS)[number]) => u);
const find = (q: string) => rankMatches(UNITS, entry, q).map((u) => u.unit);

describe('finding a unit', () => {
  it('by full pinyin, also from a later syllable, and by part of a syllable at its start', () => {
    expect(find('chaihe')).toEqual(['柴河镇人民政府']);
    expect(find('chai he')).toEqual(['柴河镇人民政府']);
    expect(find('CHAIH')).toEqual(['柴河镇人民政府']);
    expect(find('hezhen')).toEqual(['柴河镇人民政府']);
    // "aihe" is inside chai·he but starts no syllable: not a match.
    expect(find('aihe')).toEqual([]);
  });

  it('by initials', () => {
    expect(find('chz')).toEqual(['柴河镇人民政府']);
    expect(find('hls')).toEqual(['海林市人民政府']);
  });

  it('by either reading of a polyphonic place name, and ü typed as v or ü', () => {
    expect(find('shanxian')).toEqual(['单县人民政府']);
    expect(find('danxian')).toEqual(['单县人民政府']);
    expect(find('sx')).toEqual(['单县人民政府']);
    expect(find('lvchun')).toEqual(['绿春县人民政府']);
    expect(find('lüchun')).toEqual(['绿春县人民政府']);
  });

  it('by division code: the exact code first, then the units under it', () => {
    expect(find('231083')).toEqual(['海林市人民政府', '柴河镇人民政府']);
    expect(find('231083104')).toEqual(['柴河镇人民政府']);
    expect(find('3208')).toEqual(['淮安市人民政府', '洪泽区人民政府']);
    expect(find('99')).toEqual([]);
  });

  it('by a Chinese substring of any title or of the division name', () => {
    expect(find('柴河')).toEqual(['柴河镇人民政府']);
    expect(find('牡丹江')).toEqual(['海林市人民政府', '柴河镇人民政府']);
    expect(find('菏泽')).toEqual(['单县人民政府']);
  });

  it('ranks an exact name, then a name starting with the query, then a substring', () => {
    // 淮安市 starts both 淮安市人民政府 and 淮安市洪泽区人民政府: the shorter matched title wins.
    expect(find('淮安市')).toEqual(['淮安市人民政府', '洪泽区人民政府']);
    expect(find('淮安市人民政府')).toEqual(['淮安市人民政府']);
    expect(find('洪泽')).toEqual(['洪泽区人民政府']);
    // 单县 has it at position 2, the others at 3; equal matches keep the list's order.
    expect(find('人民政府')).toEqual(['单县人民政府', '柴河镇人民政府', '洪泽区人民政府', '淮安市人民政府', '海林市人民政府', '绿春县人民政府']);
  });

  it('ranks pinyin from the start before pinyin from a later syllable, before initials inside', () => {
    // huai an: 淮安市人民政府 from its first syllable; 洪泽区 only through its second title, also from the first.
    expect(find('huaian')).toEqual(['淮安市人民政府', '洪泽区人民政府']);
    // zhen: 柴河镇 from its third syllable; zheng (政府) is in every name, also at a later syllable.
    expect(find('hz')[0]).toBe('洪泽区人民政府');
    expect(find('hz')).toContain('柴河镇人民政府');
  });

  it('an empty query keeps every unit in its order; a query of spaces is empty', () => {
    expect(find('')).toEqual(UNITS.map((u) => u.unit));
    expect(parseQuery('   ')).toEqual({ kind: 'all' });
  });

  it('a unit without pinyin (an old imported snapshot) is still found by name and code', () => {
    const bare = [{ unit: '某镇', titles: ['某镇'], division_name: null, division_code: '110101001', pinyin: null, initials: null }];
    const e = entryCache((u: (typeof bare)[number]) => u);
    expect(rankMatches(bare, e, 'mz')).toEqual([]);
    expect(rankMatches(bare, e, '某')).toHaveLength(1);
    expect(rankMatches(bare, e, '110101')).toHaveLength(1);
  });
});

describe('search keys computed at build time', () => {
  it('are the pinyin syllables and initials of the title', () => {
    expect(searchKeys('柴河镇人民政府')).toEqual({ unit_pinyin: 'chai he zhen ren min zheng fu', unit_initials: 'chzrmzf' });
  });
  it('keep the place reading of a polyphonic character beside the common one', () => {
    expect(searchKeys('单县人民政府')).toEqual({
      unit_pinyin: 'dan xian ren min zheng fu|shan xian ren min zheng fu', unit_initials: 'dxrmzf|sxrmzf' });
  });
  it('read by context where a character has several readings', () => {
    expect(searchKeys('长沙县').unit_pinyin.split('|')[0]).toBe('chang sha xian');
    expect(searchKeys('重庆市').unit_pinyin.split('|')[0]).toBe('chong qing shi');
  });
  it('write ü as v and drop what is not a syllable', () => {
    expect(searchKeys('绿春县（2）').unit_pinyin).toBe('lv chun xian');
  });
});
