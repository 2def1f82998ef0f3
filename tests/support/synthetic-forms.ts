/**
 * The report form written out again from ../shared/spec/report-format.md, on purpose apart
 * from src/lib/format: a generator that reused the product's labels would never notice a label
 * the product gets wrong. Each printed label comes with the other wordings real reports use.
 */
export type Form = '2019' | '2021';

export interface FormRow {
  /** Canonical keys of the printed cells, left to right. */
  keys: string[];
  /** Wordings of the row label; the first is the official one. */
  labels: string[];
  /** A heading printed just above the row (a group or an item of 第二十条). */
  heading?: string;
  /** Column headings of the block the row opens (表二 prints one per item). */
  heads?: string[];
}

const t2 = (stem: string, cols: string[]) => cols.map((c) => `t2.${stem}.${c}`);
const FIRST = ['new_made', 'new_published', 'total_published'];
const PREV = ['prev_items', 'change', 'decisions'];
const HEAD_2019_1 = ['本年新制作数量', '本年新公开数量', '对外公开总数量'];
const HEAD_2019_5 = ['上一年项目数量', '本年增/减', '处理决定数量'];
const HEAD_2021_1 = ['本年制发件数', '本年废止件数', '现行有效件数'];
const HEAD_2021_5 = ['本年处理决定数量'];

export const T2_FORM: Record<Form, FormRow[]> = {
  '2019': [
    { keys: t2('rules', FIRST), labels: ['规章'], heading: '第二十条第（一）项', heads: HEAD_2019_1 },
    { keys: t2('normative', FIRST), labels: ['规范性文件', '行政规范性文件'] },
    { keys: t2('licensing', PREV), labels: ['行政许可'], heading: '第二十条第（五）项', heads: HEAD_2019_5 },
    { keys: t2('other_services', PREV), labels: ['其他对外管理服务事项'] },
    { keys: t2('punishment', PREV), labels: ['行政处罚'], heading: '第二十条第（六）项', heads: HEAD_2019_5 },
    { keys: t2('coercion', PREV), labels: ['行政强制'] },
    { keys: t2('fees', PREV.slice(0, 2)), labels: ['行政事业性收费'], heading: '第二十条第（八）项', heads: HEAD_2019_5.slice(0, 2) },
    { keys: t2('procurement', ['items', 'amount_yuan']), labels: ['政府集中采购'], heading: '第二十条第（九）项', heads: ['采购项目数量', '采购总金额'] },
  ],
  '2021': [
    { keys: t2('rules', ['issued', 'repealed', 'in_force']), labels: ['规章'], heading: '第二十条第（一）项', heads: HEAD_2021_1 },
    { keys: t2('normative', ['issued', 'repealed', 'in_force']), labels: ['行政规范性文件', '规范性文件'] },
    { keys: t2('licensing', ['decisions']), labels: ['行政许可'], heading: '第二十条第（五）项', heads: HEAD_2021_5 },
    { keys: t2('punishment', ['decisions']), labels: ['行政处罚'], heading: '第二十条第（六）项', heads: HEAD_2021_5 },
    { keys: t2('coercion', ['decisions']), labels: ['行政强制'] },
    { keys: t2('fees', ['amount_yuan']), labels: ['行政事业性收费'], heading: '第二十条第（八）项', heads: ['本年收费金额（单位：万元）'] },
  ],
};

export const APPLICANT_COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
export const APPLICANT_HEAD = ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

const app = (row: string) => APPLICANT_COLS.map((c) => `apps.${row}.${c}`);
const numbered = (n: number, text: string) => [`${n}.${text}`, `${n}、${text}`, `${n}．${text}`];

export function t3Form(form: Form, singleOther = form === '2019'): FormRow[] {
  const rows: FormRow[] = [
    { keys: app('new'), labels: ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数'] },
    { keys: app('carried_over'), labels: ['二、上年结转政府信息公开申请数量', '上年结转政府信息公开申请数量'] },
    { keys: app('granted'), labels: ['（一）予以公开', '(一)予以公开', '予以公开'], heading: '三、本年度办理结果' },
    { keys: app('partial'), labels: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'] },
    ...['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息',
      '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'].map((t, i) => ({
      keys: app(['denied_state_secret', 'denied_law_prohibited', 'denied_security', 'denied_third_party', 'denied_internal',
        'denied_process', 'denied_enforcement', 'denied_query'][i]),
      labels: numbered(i + 1, t), heading: i === 0 ? '（三）不予公开' : undefined,
    })),
    ...['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'].map((t, i) => ({
      keys: app(['unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear'][i]),
      labels: numbered(i + 1, t), heading: i === 0 ? '（四）无法提供' : undefined,
    })),
    ...['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'].map((t, i) => ({
      keys: app(['rejected_petition', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive', 'rejected_confirmation'][i]),
      labels: numbered(i + 1, t), heading: i === 0 ? '（五）不予处理' : undefined,
    })),
  ];
  if (singleOther) rows.push({ keys: app('other'), labels: ['（六）其他处理'] });
  else {
    rows.push(
      { keys: app('other_no_correction'), labels: numbered(1, '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), heading: '（六）其他处理' },
      { keys: app('other_no_fee'), labels: numbered(2, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请') },
      { keys: app('other_misc'), labels: numbered(3, '其他') },
    );
  }
  rows.push(
    { keys: app('total'), labels: ['（七）总计', '(七)总计'] },
    { keys: app('carried_forward'), labels: ['四、结转下年度继续办理', '结转下年度继续办理'] },
  );
  return rows;
}

export const REVIEW_KEYS = ['review', 'suit_direct', 'suit_after_review']
  .flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${b}.${c}`));
export const RESULT_HEAD = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
export const T4_HEAD_CELLS = ['行政复议', '行政诉讼', ...RESULT_HEAD, '未经复议直接起诉', '复议后起诉', ...RESULT_HEAD, ...RESULT_HEAD];

export const SECTION = {
  t2: ['二、主动公开政府信息情况', '二、主动公开政府信息'],
  t3: ['三、收到和处理政府信息公开申请情况'],
  t3note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  t4: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  tail: ['五、存在的主要问题及改进情况', '一是公开的内容不全面。', '六、其他需要报告的事项', '无。'],
};
