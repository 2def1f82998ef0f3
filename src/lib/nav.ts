/** The site's sections, in menu order. Each view adds its own entry when it exists. */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV: NavItem[] = [
  { href: '/', label: '总览' },
  { href: '/download', label: '下载' },
  { href: '/print', label: '年终报告' },
];
