/**
 * The user's workspace as plain data: parsed reports the user accepted, the corrections made
 * to them, and their versions. Pure functions only; IndexedDB and DuckDB sit around it.
 */
import { templateForYear, type CellValue, type InputKind, type ParsedReport } from '../format';
import { checkReport } from '../checks/rules';
import { reportRow } from '../dataset/rows';
import { unitKey } from '../dataset/unit-key';

/** A changed cell: the parser's value is kept beside the user's. */
export interface Correction {
  key: string;
  parsed: CellValue;
  value: CellValue;
  /** ISO time of the correction. */
  at: string;
  note: string;
}

/** What the user filled in where the parser could not read the report's identity. */
export interface IdentityFix {
  unit?: string;
  divisionName?: string | null;
  divisionCode?: string | null;
  year?: number;
}

/** One line of the input as the parser saw it, to show a cell's surroundings (as text). */
export interface SourceLine {
  page?: number;
  line?: number;
  table?: number;
  row?: number;
  text: string;
}

export interface SourceText {
  name: string;
  kind: InputKind;
  lines: SourceLine[];
}

export interface WorkspaceEntry {
  /** report_id in the tables: `user-…`, never one of the shipped ids. */
  id: string;
  parsed: ParsedReport;
  corrections: Correction[];
  identity: IdentityFix;
  source: SourceText;
  acceptedAt: string;
  /** 1 is the first report of a unit and year; a shipped report counts as version 1. */
  version: number;
}

/** A unit and year: two reports with the same slot are versions of one report. */
export function slotOf(r: ParsedReport): string {
  const unit = r.unit ?? '（单位未知）';
  return `${unitKey(unit, r.division.name, r.division.code)}#${r.year ?? 0}`;
}

/** The report as the user means it: identity filled in, corrections applied, checks re-run. */
export function effectiveReport(parsed: ParsedReport, corrections: readonly Correction[], identity: IdentityFix = {}): ParsedReport {
  const year = identity.year ?? parsed.year;
  const r: ParsedReport = {
    ...parsed,
    unit: identity.unit?.trim() || parsed.unit,
    division: {
      name: identity.divisionName !== undefined ? identity.divisionName || null : parsed.division.name,
      code: identity.divisionCode !== undefined ? identity.divisionCode || null : parsed.division.code,
    },
    year,
    template: parsed.template ?? (year !== null ? templateForYear(year) : null),
    cells: { ...parsed.cells },
    uncertain: { ...parsed.uncertain },
  };
  for (const c of corrections) {
    r.cells[c.key] = c.value;
    // The user has looked at the cell and said what it is.
    delete r.uncertain[c.key];
  }
  r.findings = checkReport(r);
  return r;
}

export function entryReport(e: WorkspaceEntry): ParsedReport {
  return effectiveReport(e.parsed, e.corrections, e.identity);
}

/** Replace the correction of `key` (one per cell; the parsed value is the parser's, always). */
export function correct(parsed: ParsedReport, corrections: readonly Correction[], key: string, value: CellValue, note: string, at = new Date().toISOString()): Correction[] {
  if (!(key in parsed.cells)) throw new Error(`该报告的格式中没有这个单元格：${key}`);
  const rest = corrections.filter((c) => c.key !== key);
  const was = parsed.cells[key] ?? null;
  if (value === was && !note.trim()) return rest;
  return [...rest, { key, parsed: was, value, at, note: note.trim() }];
}

/** Why a report cannot be accepted yet, in Chinese; null when it can. */
export function acceptProblem(r: ParsedReport): string | null {
  if (!r.unit?.trim()) return '请填写报告单位。';
  if (r.year === null || !Number.isInteger(r.year) || r.year < 2019 || r.year > 2100) return '请填写报告年度（2019 年及以后）。';
  if (!r.template) return '无法确定报告格式（2019 或 2021 年版）。';
  return null;
}

/** The next version number of a report for this slot, counting a shipped report as version 1. */
export function nextVersion(entries: readonly WorkspaceEntry[], slot: string, shippedSlots: ReadonlySet<string>): number {
  let v = shippedSlots.has(slot) ? 1 : 0;
  for (const e of entries) if (slotOf(entryReport(e)) === slot) v = Math.max(v, e.version);
  return v + 1;
}

/** The entry each slot shows: its highest version. Older versions are kept, not shown in views. */
export function currentEntries(entries: readonly WorkspaceEntry[]): WorkspaceEntry[] {
  const best = new Map<string, WorkspaceEntry>();
  for (const e of entries) {
    const slot = slotOf(entryReport(e));
    const have = best.get(slot);
    if (!have || e.version > have.version || (e.version === have.version && e.acceptedAt > have.acceptedAt)) best.set(slot, e);
  }
  return [...best.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function isCurrent(entries: readonly WorkspaceEntry[], e: WorkspaceEntry): boolean {
  return currentEntries(entries).some((c) => c.id === e.id);
}

/** A fresh report id for the user's tables. */
export function newReportId(now = Date.now(), rand = Math.random()): string {
  return `user-${now.toString(36)}-${Math.floor(rand * 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** The wide row a report gets in `reports` (the same function the data build uses). */
export function entryRow(e: WorkspaceEntry) {
  return reportRow(e.id, entryReport(e));
}

/**
 * Entries from a workspace file joined to the ones already here. An id already present is
 * kept as it is here; an incoming version that collides with a local one of the same slot is
 * numbered after the local versions, so nothing is overwritten.
 */
export function mergeEntries(existing: readonly WorkspaceEntry[], incoming: readonly WorkspaceEntry[]): { entries: WorkspaceEntry[]; added: number; skipped: number } {
  const out = [...existing];
  const ids = new Set(existing.map((e) => e.id));
  let added = 0, skipped = 0;
  for (const e of [...incoming].sort((a, b) => a.version - b.version)) {
    if (ids.has(e.id)) { skipped++; continue; }
    const slot = slotOf(entryReport(e));
    const clash = out.some((o) => o.version === e.version && slotOf(entryReport(o)) === slot);
    const version = clash ? Math.max(...out.filter((o) => slotOf(entryReport(o)) === slot).map((o) => o.version)) + 1 : e.version;
    out.push({ ...e, version });
    ids.add(e.id);
    added++;
  }
  return { entries: out, added, skipped };
}
