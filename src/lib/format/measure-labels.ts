/**
 * The Chinese name of each derived measure (spec: 派生指标). Its own small module so the
 * first screen can name its charts without loading the forms' row tables; data/measures.ts
 * pairs each name with its SQL.
 */
export const MEASURE_LABELS = {
  received: '收到申请',
  handled: '办理总数',
  disclosure_rate: '公开率',
  denied: '不予公开',
  unavailable: '无法提供',
  rejected: '不予处理',
  review_correction_rate: '复议纠错率',
  litigation: '行政诉讼',
  procurement_items: '政府集中采购项目数',
  procurement_amount: '政府集中采购金额',
  granted: '予以公开',
  partial: '部分公开',
  other_handling: '其他处理',
  received_natural: '收到申请·自然人',
  received_org: '收到申请·法人或其他组织',
} as const;
