/**
 * The report format of ../shared/spec/report-format.md as data: every canonical key, its
 * official Chinese labels and the template it belongs to. Parser, checks, data build, SQL
 * and UI all read from here; there is no second copy of this mapping.
 */

export type Template = '2019' | '2021';
export const TEMPLATES: readonly Template[] = ['2019', '2021'];

export type Level = 'province' | 'city' | 'county' | 'township' | 'department';
export const LEVEL_LABELS: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇/街道',
  department: '部门',
};

export function templateForYear(year: number): Template | null {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return null;
}

export type TableId = 't2' | 't3' | 't4';
export const TABLE_LABELS: Record<TableId, string> = {
  t2: '表二 主动公开政府信息情况',
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 政府信息公开行政复议、行政诉讼情况',
};
export const TABLE_SHORT: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

export type AppCol = 'natural' | 'commercial' | 'research' | 'nonprofit' | 'legal' | 'other_org' | 'total';
export const APP_COLS: readonly AppCol[] = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
/** The applicant columns under 法人或其他组织, in the form's order: every one but 自然人 and 总计. */
export const APP_ORG_COLS: readonly AppCol[] = APP_COLS.filter((c) => c !== 'natural' && c !== 'total');
/** The head the form prints over those columns. */
export const APP_ORG_GROUP_LABEL = '法人或其他组织';
export const APP_COL_LABELS: Record<AppCol, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other_org: '其他',
  total: '总计',
};

export type AppGroup = 'intake' | 'granted' | 'partial' | 'denied' | 'unavailable' | 'rejected' | 'other' | 'total' | 'carried_forward';
export const APP_GROUP_LABELS: Record<AppGroup, string> = {
  intake: '',
  granted: '（一）予以公开',
  partial: '（二）部分公开',
  denied: '（三）不予公开',
  unavailable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
  total: '（七）总计',
  carried_forward: '',
};

export interface AppRow {
  row: string;
  label: string;
  /** Short label for charts and findings. */
  short: string;
  group: AppGroup;
  templates: readonly Template[];
  /** Substrings that identify the row's printed label, even when a report mangles it. */
  cues: string[];
}

const both: readonly Template[] = ['2019', '2021'];
export const APP_ROWS: AppRow[] = [
  { row: 'new', label: '一、本年新收政府信息公开申请数量', short: '本年新收', group: 'intake', templates: both, cues: ['本年新收'] },
  { row: 'carried_over', label: '二、上年结转政府信息公开申请数量', short: '上年结转', group: 'intake', templates: both, cues: ['上年结转'] },
  { row: 'granted', label: '（一）予以公开', short: '予以公开', group: 'granted', templates: both, cues: ['予以公开'] },
  { row: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', short: '部分公开', group: 'partial', templates: both, cues: ['部分公开'] },
  { row: 'denied_state_secret', label: '1.属于国家秘密', short: '国家秘密', group: 'denied', templates: both, cues: ['国家秘密'] },
  { row: 'denied_law_prohibited', label: '2.其他法律行政法规禁止公开', short: '法律法规禁止', group: 'denied', templates: both, cues: ['禁止公开', '其他法律行政'] },
  { row: 'denied_security', label: '3.危及“三安全一稳定”', short: '危及三安全一稳定', group: 'denied', templates: both, cues: ['三安全', '一稳定'] },
  { row: 'denied_third_party', label: '4.保护第三方合法权益', short: '保护第三方权益', group: 'denied', templates: both, cues: ['第三方'] },
  { row: 'denied_internal', label: '5.属于三类内部事务信息', short: '内部事务信息', group: 'denied', templates: both, cues: ['内部事务'] },
  { row: 'denied_process', label: '6.属于四类过程性信息', short: '过程性信息', group: 'denied', templates: both, cues: ['过程性'] },
  { row: 'denied_enforcement', label: '7.属于行政执法案卷', short: '行政执法案卷', group: 'denied', templates: both, cues: ['执法案卷'] },
  { row: 'denied_query', label: '8.属于行政查询事项', short: '行政查询事项', group: 'denied', templates: both, cues: ['查询事项'] },
  { row: 'unavailable_not_held', label: '1.本机关不掌握相关政府信息', short: '不掌握', group: 'unavailable', templates: both, cues: ['不掌握'] },
  { row: 'unavailable_needs_creation', label: '2.没有现成信息需要另行制作', short: '需另行制作', group: 'unavailable', templates: both, cues: ['另行制作', '没有现成'] },
  { row: 'unavailable_unclear', label: '3.补正后申请内容仍不明确', short: '补正后仍不明确', group: 'unavailable', templates: both, cues: ['仍不明确', '补正后'] },
  { row: 'rejected_petition', label: '1.信访举报投诉类申请', short: '信访举报投诉', group: 'rejected', templates: both, cues: ['信访', '举报投诉'] },
  { row: 'rejected_duplicate', label: '2.重复申请', short: '重复申请', group: 'rejected', templates: both, cues: ['重复申请'] },
  { row: 'rejected_publication', label: '3.要求提供公开出版物', short: '公开出版物', group: 'rejected', templates: both, cues: ['出版物'] },
  { row: 'rejected_excessive', label: '4.无正当理由大量反复申请', short: '大量反复申请', group: 'rejected', templates: both, cues: ['大量反复'] },
  { row: 'rejected_confirmation', label: '5.要求行政机关确认或重新出具已获取信息', short: '确认或重新出具', group: 'rejected', templates: both, cues: ['重新出具', '确认或'] },
  { row: 'other', label: '（六）其他处理', short: '其他处理', group: 'other', templates: both, cues: ['其他处理'] },
  { row: 'other_no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', short: '逾期不补正', group: 'other', templates: ['2021'], cues: ['不补正', '申请人无正当'] },
  { row: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', short: '逾期未缴费', group: 'other', templates: ['2021'], cues: ['缴纳费用', '收费通知'] },
  { row: 'other_misc', label: '3.其他', short: '其他', group: 'other', templates: ['2021'], cues: [] },
  { row: 'total', label: '（七）总计', short: '总计', group: 'total', templates: both, cues: ['总计'] },
  { row: 'carried_forward', label: '四、结转下年度继续办理', short: '结转下年度', group: 'carried_forward', templates: both, cues: ['结转下年'] },
];

/** The 2021 form's three sub-rows of （六）其他处理, in printed order (the 2019 form has none). */
export const OTHER_SUB_ROWS: readonly string[] = APP_ROWS
  .filter((r) => r.group === 'other' && !r.label.startsWith('（')).map((r) => r.row);

export type ReviewBlock = 'review' | 'suit_direct' | 'suit_after_review';
export const REVIEW_BLOCKS: readonly ReviewBlock[] = ['review', 'suit_direct', 'suit_after_review'];
export const REVIEW_BLOCK_LABELS: Record<ReviewBlock, string> = {
  review: '行政复议',
  suit_direct: '行政诉讼·未经复议直接起诉',
  suit_after_review: '行政诉讼·复议后起诉',
};
export type ReviewCol = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';
export const REVIEW_COLS: readonly ReviewCol[] = ['upheld', 'corrected', 'other', 'pending', 'total'];
export const REVIEW_COL_LABELS: Record<ReviewCol, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
