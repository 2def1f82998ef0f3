/** The site's name and what it does, under the name on every page. */
export const SITE_TITLE = '公开年报看板';
export const SITE_TAGLINE = '政府信息公开工作年度报告中的数字：逐表逐格读取，核对勾稽关系，跨地区、跨年度比较。';

/** The site's sections, in menu order. Each view adds its own entry when it exists. */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV: NavItem[] = [
  { href: '/', label: '总览' },
  { href: '/compare', label: '对比' },
  { href: '/applications', label: '申请' },
  { href: '/review', label: '复议诉讼' },
  { href: '/procurement', label: '采购与收费' },
  { href: '/download', label: '下载' },
  { href: '/print', label: '年终报告' },
  { href: '/import', label: '导入' },
  { href: '/unit', label: '单位' },
  { href: '/quality', label: '数据质量' },
  { href: '/coverage', label: '覆盖' },
  { href: '/national', label: '全国' },
  { href: '/sql', label: 'SQL' },
];
