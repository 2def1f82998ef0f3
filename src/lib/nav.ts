/** The site's sections, in menu order. Each view adds its own entry when it exists. */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV: NavItem[] = [
  { href: '/', label: '总览' },
  { href: '/import', label: '导入' },
];
