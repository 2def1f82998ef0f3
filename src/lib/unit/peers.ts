/**
 * A unit against the distribution of its peers: the units of the same level in its county, or
 * its city, province or the whole dataset when the narrower place has too few (the page says
 * which). For each headline measure: its percentile among the peers with a number, the peers'
 * quartiles, and how many peers have no number (未填报 / 无法计算) — those are left out, never 0.
 */
import { MEASURES } from '../data/measures';
import { quantile } from '../data/quantile';

export const PEER_MEASURES = ['received', 'disclosure_rate', 'review_correction_rate'] as const;
export type PeerMeasure = (typeof PEER_MEASURES)[number];

/** Fewer others than this in a place, and the next wider place is used. */
export const MIN_PEERS = 5;

export interface PeerRow {
  unit_key: string;
  unit: string;
  province_code: string | null;
  city_code: string | null;
  county_code: string | null;
  values: Record<PeerMeasure, number | null>;
}

export type Scope = 'county' | 'city' | 'province' | 'all';
export const SCOPE_WORDS: Record<Scope, string> = { county: '同一区县', city: '同一城市', province: '同一省份', all: '数据集中全部' };

export interface PeerGroup {
  scope: Scope;
  /** The place's code (null for 'all'). */
  code: string | null;
  /** The other units of the scope, the unit itself left out. */
  peers: PeerRow[];
}

const CODE_OF: Record<Exclude<Scope, 'all'>, 'county_code' | 'city_code' | 'province_code'> = {
  county: 'county_code', city: 'city_code', province: 'province_code',
};

/**
 * The narrowest place with at least MIN_PEERS other units of the level; where none has, the
 * widest (the whole dataset). `rows` are the level's units in the year, the unit among them.
 */
export function choosePeers(rows: readonly PeerRow[], self: PeerRow): PeerGroup {
  const others = rows.filter((r) => r.unit_key !== self.unit_key);
  for (const scope of ['county', 'city', 'province'] as const) {
    const code = self[CODE_OF[scope]];
    if (!code) continue;
    const peers = others.filter((r) => r[CODE_OF[scope]] === code);
    if (peers.length >= MIN_PEERS) return { scope, code, peers };
  }
  return { scope: 'all', code: null, peers: others };
}

export interface PeerStats {
  own: number | null;
  /** Peers with a number. */
  n: number;
  /** Peers without one (not reported, or a ratio over 0): left out of everything below. */
  missing: number;
  /** Share of peers below the unit, ties counted half, 0–100; null without own value or peers. */
  percentile: number | null;
  /** 1 + peers above the unit (equal figures share a place), out of n + 1. */
  place: number | null;
  below: number;
  equal: number;
  above: number;
  /** Min, lower quartile, median, upper quartile, max of the peers (linear interpolation). */
  quartiles: [number, number, number, number, number] | null;
}

export function peerStats(own: number | null, peerValues: readonly (number | null)[]): PeerStats {
  const vals = peerValues.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const missing = peerValues.length - vals.length;
  const has = own !== null && vals.length > 0;
  const below = has ? vals.filter((v) => v < own).length : 0;
  const equal = has ? vals.filter((v) => v === own).length : 0;
  const above = has ? vals.length - below - equal : 0;
  return {
    own, n: vals.length, missing, below, equal, above,
    percentile: has ? ((below + equal / 2) / vals.length) * 100 : null,
    place: has ? above + 1 : null,
    quartiles: vals.length ? [vals[0], quantile(vals, 0.25), quantile(vals, 0.5), quantile(vals, 0.75), vals[vals.length - 1]] : null,
  };
}

export const PEER_LABELS: Record<PeerMeasure, string> = {
  received: MEASURES.received.label, disclosure_rate: MEASURES.disclosure_rate.label, review_correction_rate: MEASURES.review_correction_rate.label,
};
