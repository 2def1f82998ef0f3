/**
 * Rows a body adds under the form's rows (session 26's red team): 其中 sub-items whose words
 * repeat the row's own — 其中：行政许可网上办理 under 行政许可, 其中：予以公开（当场答复） under
 * 予以公开 — with figures of their own. They are no rows of the form; the row above stays its row.
 */
import { pick } from './synthetic-figures';
import { tabbed, type Ctx, type SyntheticDoc } from './synthetic-layouts';

const ITEM = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/;
const OPENERS = ['其中：', '其中:', '其中，', '其中 ', '  其中：'];
const ENDINGS = ['（网上办理）', '网上办理', '（当场答复）', '中按期办结', '（涉企）', '（修订）', '中的咨询'];

export function subItems(c: Ctx): SyntheticDoc {
  const d = tabbed(c);
  const out: string[] = [];
  for (const line of d.text.split('\n')) {
    out.push(line);
    const fields = line.split('\t');
    const at = fields.findIndex((f, i) => i > 0 && /^(?:-?[\d,.]+|[—/／\-无]*)$/.test(f));
    if (at < 1 || c.r() > 0.3) continue;
    const name = fields[at - 1].replace(ITEM, '').replace(/（[^）]*）$/, '');
    if (!/[\u4e00-\u9fff]{2}/.test(name) || /勾稽关系/.test(name)) continue;
    const figures = fields.slice(at).map(() => String(Math.floor(c.r() * (c.r() < 0.5 ? 10 : 300))));
    out.push([`${pick(c.r, OPENERS)}${name}${pick(c.r, ENDINGS)}`, ...figures].join('\t'));
  }
  return { ...d, text: out.join('\n') };
}
