/** The one key of a reporting body, shared by the data build, the summary and the import workspace. */

/**
 * 淮安市洪泽区人民政府 and 洪泽区人民政府 are one body: the key drops the names of the
 * divisions above the unit's own and joins what is left to the division code.
 */
export function unitKey(unit: string, divisionName: string | null, code: string | null): string {
  let name = unit;
  const parents = (divisionName ?? '').match(/.+?(省|自治区|市|州|盟|地区|县|区|旗)/g) ?? [];
  for (const p of parents) {
    if (name.startsWith(p) && name.length > p.length + 1) name = name.slice(p.length);
  }
  return `${code ?? ''}|${name}`;
}
