/**
 * Charts pinned for the year-end report (年终报告), kept in localStorage so they survive
 * reloads. Storage that is missing, full or corrupt gives a Chinese message, never a crash,
 * and a corrupt record is copied aside before anything overwrites it.
 */
import type { ChartTable } from '../charts/table';

export const PIN_KEY = 'gongkai:pins:v1';
export const BACKUP_KEY = 'gongkai:pins:backup';

export interface Pin {
  id: string;
  title: string;
  subtitle?: string;
  units?: string;
  source: string;
  /** The ECharts option as JSON (functions such as axis formatters do not survive JSON). */
  option: unknown;
  data?: ChartTable;
  /** The chart drawn as SVG when pinned, at the print width: what the print page shows. */
  svg: string;
  width: number;
  height: number;
  /** Where it was pinned (path and query), to go back to the view. */
  from?: string;
  pinnedAt: string;
}

export interface PinState {
  pins: Pin[];
  /** A message for the user when the stored record could not be read (fully or partly). */
  error: string | null;
}

export const MESSAGES = {
  unavailable: '浏览器不允许网页使用本地存储，年终报告无法保存（可检查隐私设置）。',
  corrupt: '年终报告的收藏记录已损坏，无法读取。原记录已另存一份；重新收藏图表会从空白开始。',
  partly: (n: number) => `有 ${n} 项收藏记录已损坏，已略过。`,
  full: '浏览器存储空间已满，未能保存年终报告。请先移除一些图表再试。',
};

function isTable(x: unknown): x is ChartTable {
  const t = x as ChartTable;
  return !!t && Array.isArray(t.columns) && Array.isArray(t.rows) && t.rows.every((r) => Array.isArray(r));
}

function isPin(x: unknown): x is Pin {
  const p = x as Pin;
  return !!p && typeof p === 'object' && typeof p.id === 'string' && typeof p.title === 'string' &&
    typeof p.svg === 'string' && p.svg.includes('<svg') && typeof p.source === 'string' &&
    Number.isFinite(p.width) && Number.isFinite(p.height) && (p.data === undefined || isTable(p.data));
}

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // access itself throws when storage is blocked
  }
}

export function readPins(s: Storage | null = store()): PinState {
  let raw: string | null;
  try {
    if (!s) return { pins: [], error: MESSAGES.unavailable };
    raw = s.getItem(PIN_KEY);
  } catch {
    return { pins: [], error: MESSAGES.unavailable };
  }
  if (raw === null) return { pins: [], error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { pins: [], error: MESSAGES.corrupt };
  }
  if (!Array.isArray(parsed)) return { pins: [], error: MESSAGES.corrupt };
  const pins = parsed.filter(isPin);
  const bad = parsed.length - pins.length;
  return { pins, error: bad ? MESSAGES.partly(bad) : null };
}

/** Saves the list; returns a message when it could not. Unreadable old records are kept aside first. */
export function writePins(pins: readonly Pin[], s: Storage | null = store()): string | null {
  if (!s) return MESSAGES.unavailable;
  try {
    const before = readPins(s);
    const raw = s.getItem(PIN_KEY);
    if (before.error && raw !== null) s.setItem(BACKUP_KEY, raw);
    s.setItem(PIN_KEY, JSON.stringify(pins));
    return null;
  } catch (err) {
    const quota = err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
    return quota ? MESSAGES.full : MESSAGES.unavailable;
  }
}

export function addPin(pin: Pin, s: Storage | null = store()): { count: number; error: string | null } {
  const { pins } = readPins(s);
  const next = [...pins, pin];
  const error = writePins(next, s);
  return { count: error ? pins.length : next.length, error };
}

export function removePin(pins: readonly Pin[], id: string): Pin[] {
  return pins.filter((p) => p.id !== id);
}

/** Moves a pin by `delta` places (−1 up, +1 down), staying within the list. */
export function movePin(pins: readonly Pin[], id: string, delta: number): Pin[] {
  const i = pins.findIndex((p) => p.id === id);
  const j = Math.min(pins.length - 1, Math.max(0, i + delta));
  if (i < 0 || i === j) return [...pins];
  const next = [...pins];
  const [p] = next.splice(i, 1);
  next.splice(j, 0, p);
  return next;
}

/** The option without what JSON cannot carry, so the stored copy reads back as it was written. */
export function jsonSafe(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null, (_k, x) => (typeof x === 'function' ? undefined : x)));
}
