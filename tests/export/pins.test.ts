import { describe, expect, it } from 'vitest';
import { addPin, BACKUP_KEY, jsonSafe, MESSAGES, movePin, PIN_KEY, readPins, removePin, writePins, type Pin } from '../../src/lib/export/pins';

/** An in-memory Web Storage with an optional size limit, standing in for localStorage in Node. */
class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  constructor(private limit = Infinity) {}
  get length() { return this.#m.size; }
  clear() { this.#m.clear(); }
  getItem(k: string) { return this.#m.get(k) ?? null; }
  key(i: number) { return [...this.#m.keys()][i] ?? null; }
  removeItem(k: string) { this.#m.delete(k); }
  setItem(k: string, v: string) {
    if (v.length > this.limit) throw new DOMException('full', 'QuotaExceededError');
    this.#m.set(k, v);
  }
}

const pin = (id: string): Pin => ({
  id, title: `图 ${id}`, source: '数据来源：各单位政府信息公开工作年度报告', option: {}, svg: '<svg></svg>',
  width: 680, height: 420, pinnedAt: '2025-01-01T00:00:00Z', data: { columns: ['a'], rows: [[null]] },
});

describe('pinned charts store', () => {
  it('adds, reads back, moves and removes pins', () => {
    const s = new MemoryStorage();
    expect(readPins(s)).toEqual({ pins: [], error: null });
    addPin(pin('a'), s);
    addPin(pin('b'), s);
    expect(addPin(pin('c'), s)).toEqual({ count: 3, error: null });
    const { pins } = readPins(s);
    expect(pins.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(pins[0].data?.rows).toEqual([[null]]);
    expect(movePin(pins, 'c', -1).map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(movePin(pins, 'a', -1).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(movePin(pins, 'a', 5).map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(removePin(pins, 'b').map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('reports a corrupt record in Chinese, and keeps it aside before writing over it', () => {
    const s = new MemoryStorage();
    s.setItem(PIN_KEY, '{not json');
    expect(readPins(s)).toEqual({ pins: [], error: MESSAGES.corrupt });
    s.setItem(PIN_KEY, '{"a":1}');
    expect(readPins(s).error).toBe(MESSAGES.corrupt);
    expect(addPin(pin('a'), s)).toEqual({ count: 1, error: null });
    expect(s.getItem(BACKUP_KEY)).toBe('{"a":1}');
    expect(readPins(s)).toMatchObject({ error: null, pins: [{ id: 'a' }] });
  });

  it('skips broken entries and says how many', () => {
    const s = new MemoryStorage();
    s.setItem(PIN_KEY, JSON.stringify([pin('a'), { id: 3 }, null, { ...pin('b'), svg: 42 }]));
    const r = readPins(s);
    expect(r.pins.map((p) => p.id)).toEqual(['a']);
    expect(r.error).toBe(MESSAGES.partly(3));
  });

  it('says so when storage is full or missing, keeping what was there', () => {
    const s = new MemoryStorage(3000);
    addPin(pin('a'), s);
    const big = { ...pin('b'), svg: `<svg>${'x'.repeat(5000)}</svg>` };
    expect(addPin(big, s)).toEqual({ count: 1, error: MESSAGES.full });
    expect(readPins(s).pins.map((p) => p.id)).toEqual(['a']);
    expect(readPins(null).error).toBe(MESSAGES.unavailable);
    expect(writePins([], null)).toBe(MESSAGES.unavailable);
  });

  it('stores options without functions', () => {
    expect(jsonSafe({ a: 1, f: () => 1, b: [{ formatter: (v: number) => v }] })).toEqual({ a: 1, b: [{}] });
  });
});
