/**
 * The state every focused view (申请, 复议诉讼, 采购与收费) shares: bodies and filters, years,
 * the ranking year, read from and written to the URL, and one query per view re-run when the
 * chosen bodies change. Each view adds only its SQL and its charts.
 */
import type { Table } from 'apache-arrow';
import { afterNavigate } from '$app/navigation';
import { page } from '$app/state';
import type { QueryService } from '../data/query';
import { movedParams, paramsHref, readParams, writeParams } from '../state/url';
import { UNIT_CHART_MAX, chosenUnits, describeChoice, listUnits, placeOf, placeParams, type DivisionNames } from './filter';
import { allYears, describeError, loadUnits, queryService } from './load';
import { loadDivisionNames } from './names';
import type { UnitInfo } from './pivot';
import { uncertainSql } from './sql';
import { FOCUS_SPEC, chosenYears, focusYear, type FocusParams } from './state';

export class FocusView {
  st = $state<FocusParams>(readParams(page.url, FOCUS_SPEC));
  units = $state<UnitInfo[]>([]);
  names = $state<DivisionNames>(() => null);
  error = $state<string | null>(null);
  result = $state<{ sql: string; table: Table } | null>(null);
  /** The chosen bodies' uncertain cells among the keys the view draws. */
  uncertain = $state<Table | null>(null);
  #svc = $state<QueryService | null>(null);

  readonly filter = $derived({ q: this.st.q, level: this.st.level, province: this.st.province, city: this.st.city, county: this.st.county, town: this.st.town });
  readonly years = $derived(allYears(this.units));
  readonly shownYears = $derived(chosenYears(this.st.years, this.years));
  readonly listed = $derived(listUnits(this.units, this.filter));
  readonly chosen = $derived(chosenUnits(this.units, this.filter, this.st.units));
  readonly keys = $derived(this.chosen.map((u) => u.key));
  readonly year = $derived(focusYear(this.st.year, this.shownYears, this.chosen));
  readonly place = $derived(placeOf(this.filter));
  readonly oneUnit = $derived(this.st.units.length === 1 ? this.units.find((u) => u.key === this.st.units[0]) ?? null : null);
  /** Too many bodies for per-body charts: the place summary and the ranking stand alone. */
  readonly tooMany = $derived(!this.st.units.length && this.chosen.length > UNIT_CHART_MAX);
  readonly subtitle = $derived(describeChoice(this.filter, this.names, this.shownYears, this.chosen, this.st.units.length > 0));

  /** `sqlFor` builds the view's query from the chosen bodies; it re-runs when they change. */
  get svc(): QueryService | null {
    return this.#svc;
  }

  constructor(channel: string, sqlFor: (keys: string[]) => string, cellKeys: readonly string[]) {
    // A drill link or the back button moves the URL: the view follows it.
    afterNavigate(() => { const moved = movedParams(page.url, FOCUS_SPEC, this.st); if (moved) this.st = moved; });
    $effect(() => {
      const svc = this.#svc;
      if (!svc || !this.units.length || this.tooMany) return;
      const sql = sqlFor(this.keys);
      svc.latest(channel, sql).then(
        (r) => { if (!r.stale) this.result = { sql, table: r.table }; },
        (e) => (this.error = describeError(e)),
      );
      svc.latest(`${channel}:uncertain`, uncertainSql(cellKeys, this.keys)).then(
        (r) => { if (!r.stale) this.uncertain = r.table; },
        (e) => (this.error = describeError(e)),
      );
    });
  }

  /** Call from onMount: boots DuckDB, reads the bodies, fetches the division names. */
  start(): void {
    queryService()
      .then(async (s) => {
        this.units = await loadUnits(s);
        this.#svc = s;
      })
      .catch((e) => (this.error = describeError(e)));
    loadDivisionNames().then((n) => (this.names = n), (e) => console.warn('行政区划名称未能加载，菜单显示代码：', e));
  }

  /** A drill step's link: the place, and a body at that place when one is chosen. */
  drillHref = (code: string, unitKey?: string): string =>
    paramsHref(page.url, FOCUS_SPEC, { ...this.st, ...placeParams(code), units: unitKey ? [unitKey] : [] });

  update(patch: Partial<FocusParams>): void {
    this.st = { ...this.st, ...patch };
    void writeParams(page.url, FOCUS_SPEC, this.st);
  }
}
