// Shapes of the committed division table (data/divisions.json) and of the
// resolver's answers. Kept free of Node imports so browser code can use them.

/**
 * The compact table built by scripts/build-divisions.ts. A division's parent is
 * its code prefix: 2-digit province, 4-digit city, 6-digit area (county level),
 * 9-digit street (乡/镇/街道). `streets` maps an area code to
 * "001东华门街道|002景山街道": each item is the last 3 code digits + the name.
 */
export interface DivisionTable {
  format: 1;
  source: string;
  provinces: Record<string, string>;
  cities: Record<string, string>;
  areas: Record<string, string>;
  streets: Record<string, string>;
}

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export interface DivisionEntry {
  code: string;
  /** The name as the package gives it, e.g. 城关镇. */
  name: string;
  level: DivisionLevel;
  parent: DivisionEntry | null;
  /** Full name from the province down, e.g. 黑龙江省某地级市某县级市城关镇. */
  path: string;
  /** The name without its 县/区/市/镇/乡/街道… suffix, or null when that leaves < 2 chars. */
  stem: string | null;
}

export interface ResolveInput {
  /** The reporting body as titled, e.g. 某市某区人民政府. */
  unit: string;
  /** The report text (any shape); used to tell apart divisions sharing a name. */
  text: string;
  /** The report's level if known; `department` (or anything else) does not filter. */
  level?: string;
}

export interface ResolveResult {
  /** Full path when resolved; when ambiguous, the bare name found (e.g. 城关镇); null if none. */
  name: string | null;
  code: string | null;
  level: DivisionLevel | null;
  /** Present when more than one division fits and the text does not decide: their full paths. */
  candidates?: string[];
  /** Codes of `candidates`, in the same order. */
  candidateCodes?: string[];
}
