/**
 * Word's styles (word/styles.xml) as they touch a run's text: a style may hide it (w:vanish) or
 * set it in white, itself or through the style it is based on. Formatting a tracked change
 * records as it was before (w:rPrChange …) is not the style's.
 */
import { Parser } from 'htmlparser2';

/** What a style does to a run's text: hides it, or sets it in white. */
export interface RunStyle { hidden?: boolean; white?: boolean }

/** Formatting a tracked change keeps as it was before. */
export const PROPS_CHANGE = new Set(['w:rPrChange', 'w:pPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:sectPrChange', 'w:numberingChange']);
export const on = (attrs: Record<string, string>) => !['0', 'false', 'off'].includes(attrs['w:val'] ?? 'true');
export const isWhite = (v: string | undefined) => /^(?:FFFFFF|white)$/i.test(v ?? '');

/** Styles (word/styles.xml) that hide their text or set it white, through their basedOn chain. */
export function readStyles(xml: string): Map<string, RunStyle> {
  const own = new Map<string, RunStyle & { basedOn?: string }>();
  let id: string | null = null;
  let cur: RunStyle & { basedOn?: string } = {};
  let changed = 0;
  const parser = new Parser({
    onopentag(tag, attrs) {
      if (PROPS_CHANGE.has(tag)) changed++;
      if (changed) return;
      if (tag === 'w:style') { id = attrs['w:styleId'] ?? null; cur = {}; }
      else if (!id) return;
      else if (tag === 'w:basedOn') cur.basedOn = attrs['w:val'];
      else if (tag === 'w:vanish') cur.hidden = on(attrs);
      else if (tag === 'w:color') cur.white = isWhite(attrs['w:val']);
    },
    onclosetag(tag) {
      if (PROPS_CHANGE.has(tag)) changed--;
      else if (tag === 'w:style' && id) { own.set(id, cur); id = null; }
    },
  }, { xmlMode: true });
  parser.end(xml);
  const resolved = new Map<string, RunStyle>();
  const resolve = (sid: string, depth = 0): RunStyle => {
    const done = resolved.get(sid);
    if (done) return done;
    const s = own.get(sid);
    if (!s) return {};
    const base = s.basedOn && depth < 20 ? resolve(s.basedOn, depth + 1) : {};
    const r = { hidden: s.hidden ?? base.hidden, white: s.white ?? base.white };
    resolved.set(sid, r);
    return r;
  };
  for (const sid of own.keys()) resolve(sid);
  return resolved;
}

