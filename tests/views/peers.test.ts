import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePeers, peerStats, type PeerRow } from '../../src/lib/unit/peers';
import { quantile } from '../../src/lib/data/quantile';
import { peersSql } from '../../src/lib/unit/sql';
import { requireData } from '../support/dataset';
import { openNodeDuckDB, type NodeDuckDB } from '../support/node-duckdb';

const unit = (key: string, county: string, received: number | null = 1): PeerRow => ({
  unit_key: key, unit: key, province_code: county.slice(0, 2), city_code: county.slice(0, 4), county_code: county,
  values: { received, disclosure_rate: null, review_correction_rate: null },
});

describe('choosing the peers', () => {
  const self = unit('me', '230101');
  const sameCounty = ['a', 'b', 'c', 'd', 'e'].map((k) => unit(k, '230101'));
  const sameCity = ['f', 'g', 'h'].map((k) => unit(k, '230102'));
  const sameProvince = ['i', 'j'].map((k) => unit(k, '230201'));
  const elsewhere = [unit('z', '110101')];

  it('takes the county when it has five other units of the level, the unit itself left out', () => {
    const g = choosePeers([self, ...sameCounty, ...sameCity], self);
    expect(g.scope).toBe('county');
    expect(g.code).toBe('230101');
    expect(g.peers.map((p) => p.unit_key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('widens to the city when the county has too few, and says so', () => {
    const g = choosePeers([self, ...sameCounty.slice(0, 2), ...sameCity], self);
    expect(g.scope).toBe('city');
    expect(g.code).toBe('2301');
    expect(g.peers.map((p) => p.unit_key)).toEqual(['a', 'b', 'f', 'g', 'h']);
  });

  it('then to the province, then to every unit of the level in the dataset', () => {
    expect(choosePeers([self, ...sameCounty.slice(0, 1), ...sameCity, ...sameProvince], self).scope).toBe('province');
    const g = choosePeers([self, ...sameCity, ...elsewhere], self);
    expect(g.scope).toBe('all');
    expect(g.code).toBeNull();
    expect(g.peers.map((p) => p.unit_key)).toEqual(['f', 'g', 'h', 'z']);
  });

  it('without a division code the unit is compared with the whole dataset', () => {
    const lost = { ...self, province_code: null, city_code: null, county_code: null };
    expect(choosePeers([lost, ...sameCounty], lost)).toMatchObject({ scope: 'all', code: null });
  });
});

describe('the unit against its peers', () => {
  it('percentile counts peers below, ties half: 30 among 10, 20, 30, 30, 50 is (2 + 1) / 5 = 60 %', () => {
    const s = peerStats(30, [10, 20, 30, 30, 50]);
    expect(s).toMatchObject({ n: 5, missing: 0, below: 2, equal: 2, above: 1, percentile: 60, place: 2 });
  });

  it('leaves peers without a number out and counts them, never as 0', () => {
    const s = peerStats(5, [null, 0, 10, null]);
    expect(s).toMatchObject({ n: 2, missing: 2, below: 1, equal: 0, above: 1, percentile: 50, place: 2 });
    expect(s.quartiles).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('has no percentile when the unit has no number or no peer has one', () => {
    expect(peerStats(null, [1, 2]).percentile).toBeNull();
    expect(peerStats(null, [1, 2]).n).toBe(2);
    expect(peerStats(3, [null]).percentile).toBeNull();
    expect(peerStats(3, []).quartiles).toBeNull();
  });

  it('the highest unit is first and above every peer: 100 %', () => {
    expect(peerStats(9, [1, 2, 3])).toMatchObject({ percentile: 100, place: 1 });
    expect(peerStats(0, [1, 2, 3])).toMatchObject({ percentile: 0, place: 4 });
  });

  it('quartiles interpolate between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([7], 0.75)).toBe(7);
  });
});

describe('the peers query on the shipped dataset', () => {
  let db: NodeDuckDB;
  beforeAll(async () => {
    requireData();
    db = await openNodeDuckDB();
  });
  afterAll(() => db?.close());

  it('gives each county-level unit of 2024 once with its figures; a ratio over 0 stays null', async () => {
    const rows = await db.rows(peersSql('county', 2024));
    // 洪泽区 (淮安市洪泽区人民政府, 95 received) and 平潭 (218) are the two county-level reports of 2024.
    expect(rows.map((r) => [r.unit, r.received])).toEqual(expect.arrayContaining([['淮安市洪泽区人民政府', 95], ['平潭综合实验区', 218]]));
    expect(rows).toHaveLength(2);
    const township = await db.rows(peersSql('township', 2020));
    // 柴河镇 2020 handled 0 applications: its 公开率 is 无法计算, null, not 0.
    expect(township.map((r) => [r.unit, r.received, r.disclosure_rate])).toEqual([['柴河镇人民政府', 0, null]]);
  });
});
