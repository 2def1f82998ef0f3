// Public surface of the divisions module (browser-safe: no loader here; import
// loadDivisions from './load' in Node).
export { resolveDivision } from './resolve';
export { divisionIndex } from './indexes';
export { divisionStem } from './stem';
export type { DivisionTable, DivisionEntry, DivisionLevel, ResolveInput, ResolveResult } from './types';
