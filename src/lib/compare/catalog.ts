/**
 * What a comparison can chart: the derived measures of the spec and every cell of 表二/表三/表四,
 * each with its official Chinese label, its unit and the SQL that computes it. A measure is
 * named in the URL by its MEASURES id or by its canonical key.
 */
import { MEASURES, col, type MeasureFormat } from '../data/measures';
import { KEY_INFO, TABLE_LABELS, TEMPLATES, type TableId, type Template } from '../format';

export interface CatalogMeasure {
  id: string;
  label: string;
  /** The label with its table, for titles: 表三 · （七）总计 · 自然人. */
  title: string;
  format: MeasureFormat;
  /** 件 / 个 / 元 / % */
  unit: string;
  sql: string;
  /** A ratio's denominator (SQL), see Measure.base. */
  base?: string;
  /** A ratio's numerator (SQL), see Measure.num. */
  num?: string;
  /** Templates whose form has the figure; a report of another template cannot report it. */
  templates: readonly Template[];
}

export interface CatalogGroup {
  label: string;
  measures: CatalogMeasure[];
}

const DERIVED_TEMPLATES: Partial<Record<string, readonly Template[]>> = {
  procurement_items: ['2019'],
  procurement_amount: ['2019'],
};

const UNIT_OF: Record<MeasureFormat, string> = { count: '件', ratio: '%', yuan: '元' };

function derived(): CatalogMeasure[] {
  return Object.values(MEASURES).map((m) => ({
    id: m.id,
    label: m.label,
    title: m.label,
    format: m.format,
    unit: UNIT_OF[m.format],
    sql: m.sql,
    base: m.base,
    num: m.num,
    templates: DERIVED_TEMPLATES[m.id] ?? TEMPLATES,
  }));
}

function cellsOf(table: TableId): CatalogMeasure[] {
  return [...KEY_INFO.values()]
    .filter((k) => k.table === table)
    .map((k) => ({
      id: k.key,
      // Amounts are stored in 元 whatever unit the form prints them in.
      label: `${k.row} · ${k.unit === '元' ? `${k.col.replace(/（单位：万元）$/, '')}（元）` : k.col}${k.templates.length === 1 ? `（${k.templates[0]} 年版）` : ''}`,
      title: `${TABLE_LABELS[k.table].slice(0, 3)} · ${k.row} · ${k.col}`,
      format: k.unit === '元' ? ('yuan' as const) : ('count' as const),
      unit: k.unit,
      sql: col(k.key),
      templates: k.templates,
    }));
}

export const CATALOG: CatalogGroup[] = [
  { label: '常用指标', measures: derived() },
  { label: TABLE_LABELS.t2, measures: cellsOf('t2') },
  { label: TABLE_LABELS.t3, measures: cellsOf('t3') },
  { label: TABLE_LABELS.t4, measures: cellsOf('t4') },
];

const BY_ID = new Map(CATALOG.flatMap((g) => g.measures.map((m) => [m.id, m] as const)));

export function findMeasure(id: string): CatalogMeasure | undefined {
  return BY_ID.get(id);
}

/** Words for a measure only some templates have, so a chart does not pass off a gap as a trend. */
export function templateNote(m: CatalogMeasure): string | null {
  if (m.templates.length !== 1) return null;
  return m.templates[0] === '2019'
    ? `“${m.label}”只见于 2019 年版表格（2019—2020 年度报告）；2021 年起的报告没有这一项，显示为“表格无此项”。`
    : `“${m.label}”只见于 2021 年版表格（2021 年度起的报告）；2019—2020 年度报告没有这一项，显示为“表格无此项”。`;
}
