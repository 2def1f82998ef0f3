/**
 * View state lives in the URL, so a link reproduces the view. A view declares its params with
 * defaults; reading fills the defaults in, writing drops them (short links) and replaces the
 * history entry (a filter change is not a page visit).
 */
import { goto } from '$app/navigation';

export type ParamValue = string | number | boolean | string[] | number[];
export type ParamSpec = Record<string, ParamValue>;

function parse(raw: string | null, def: ParamValue): ParamValue {
  if (raw === null) return def;
  if (Array.isArray(def)) {
    const parts = raw === '' ? [] : raw.split(',');
    // An empty default says nothing of the type: such lists read as strings.
    return typeof def[0] === 'number' ? parts.map(Number).filter(Number.isFinite) : parts;
  }
  if (typeof def === 'number') { const n = Number(raw); return Number.isFinite(n) ? n : def; }
  if (typeof def === 'boolean') return raw === '1' || raw === 'true';
  return raw;
}

function format(v: ParamValue): string {
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

/** Reads the params of `spec` from a URL; lists whose defaults are numbers parse as numbers. */
export function readParams<S extends ParamSpec>(url: URL, spec: S): S {
  const out = {} as Record<string, ParamValue>;
  for (const [k, def] of Object.entries(spec)) out[k] = parse(url.searchParams.get(k), def);
  return out as S;
}

/** A URL carrying `state`, params equal to their default left out. */
export function withParams<S extends ParamSpec>(url: URL, spec: S, state: S): URL {
  const next = new URL(url);
  for (const [k, def] of Object.entries(spec)) {
    const v = state[k];
    if (format(v) === format(def)) next.searchParams.delete(k);
    else next.searchParams.set(k, format(v));
  }
  return next;
}

/** Writes view state into the address bar without a new history entry or a scroll. */
export function writeParams<S extends ParamSpec>(url: URL, spec: S, state: S): Promise<void> {
  const next = withParams(url, spec, state);
  if (next.search === url.search) return Promise.resolve();
  return goto(next, { replaceState: true, keepFocus: true, noScroll: true });
}

/** The link to the view in `state`: path and query, for an <a href> the router handles. */
export function paramsHref<S extends ParamSpec>(url: URL, spec: S, state: S): string {
  const next = withParams(url, spec, state);
  return next.pathname + next.search;
}

/** The URL's state when it differs from `state` (a link or the back button moved it), else null. */
export function movedParams<S extends ParamSpec>(url: URL, spec: S, state: S): S | null {
  const now = readParams(url, spec);
  return withParams(url, spec, now).search === withParams(url, spec, state).search ? null : now;
}
