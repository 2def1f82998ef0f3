/** The site's sections, in menu order. Each view adds its own entry when it exists. */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV: NavItem[] = [
  { href: '/', label: '总览' },
  { href: '/unit', label: '单位' },
  { href: '/quality', label: '数据质量' },
  { href: '/coverage', label: '覆盖' },
  { href: '/sql', label: 'SQL' },
];
