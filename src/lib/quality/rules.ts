/** The consistency rules of the spec (勾稽关系) in words, for people choosing a filter. */
export const RULE_LABELS: Record<number, string> = {
  1: '规则 1：新收 + 上年结转 = 办理总计 + 结转下年度（表三各列）',
  2: '规则 2：总计 = 各项办理结果之和（表三各列）',
  3: '规则 3：各类申请人之和 = 总计（表三各行）',
  4: '规则 4：（六）其他处理 = 三个分项之和（2021 年格式）',
  5: '规则 5：维持 + 纠正 + 其他 + 尚未审结 = 总计（表四各块）',
  6: '规则 6：上年结转 = 上一年度的结转下年度（跨年）',
  7: '规则 7：现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（跨年）',
};

export const RULE_SHORT: Record<number, string> = {
  1: '收支平衡', 2: '办理结果合计', 3: '申请人合计', 4: '其他处理分项', 5: '复议诉讼合计', 6: '跨年结转', 7: '跨年现行有效',
};

/** Rules 1–5 compare cells within one report, 6–7 a report with the unit's previous year. */
export function isAcrossYears(rule: number): boolean {
  return rule >= 6;
}

export function ruleName(rule: number): string {
  return `规则 ${rule} · ${RULE_SHORT[rule] ?? '未知规则'}`;
}
