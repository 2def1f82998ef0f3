/**
 * A tolerant HTML tokenizer: it walks the string once and reports start tags, end tags and
 * text to a sink. Whatever it cannot read as markup is passed on as text, so it never throws.
 * Attributes are handed over raw: only colspan/rowspan are ever read, so they are not parsed here.
 */
import { decodeEntities } from './entities';

export interface TokenSink {
  start(name: string, rawAttrs: string, selfClosing: boolean): void;
  end(name: string): void;
  text(text: string): void;
}

/** Elements whose content is not markup; script/style are dropped, title/textarea kept as text. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'plaintext']);
const RCDATA = new Set(['title', 'textarea']);


export function tokenize(html: string, sink: TokenSink): void {
  const n = html.length;
  let i = 0;
  let textFrom = 0;
  const flushText = (to: number) => {
    if (to > textFrom) sink.text(decodeEntities(html.slice(textFrom, to)));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      // Comments, <!doctype>, Word's <![if …]> / <![endif]> and <?xml …?>: none is content.
      flushText(lt);
      let close: number;
      if (html.startsWith('<!--', lt)) {
        close = html.indexOf('-->', lt + 4);
        close = close < 0 ? n : close + 3;
      } else {
        close = html.indexOf('>', lt + 2);
        close = close < 0 ? n : close + 1;
      }
      i = textFrom = close;
      continue;
    }
    const closing = c === 47; /* / */
    const nameFrom = lt + (closing ? 2 : 1);
    const c0 = html.charCodeAt(nameFrom);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90))) {
      i = lt + 1; // a lone '<' is text
      continue;
    }
    let nameTo = nameFrom + 1;
    let upper = c0 <= 90;
    for (let k = html.charCodeAt(nameTo); nameTo < n && !isNameEnd(k); k = html.charCodeAt(++nameTo)) {
      if (k >= 65 && k <= 90) upper = true;
    }
    const gt = scanTagEnd(html, nameTo);
    flushText(lt);
    // Lower-casing every tag name costs more than the rest of the tag; most are lower already.
    const name = upper ? html.slice(nameFrom, nameTo).toLowerCase() : html.slice(nameFrom, nameTo);
    const attrs = html.slice(nameTo, gt < 0 ? n : gt);
    i = textFrom = gt < 0 ? n : gt + 1;
    if (closing) {
      sink.end(name);
      continue;
    }
    const selfClosing = attrs.endsWith('/');
    sink.start(name, attrs, selfClosing);
    if (selfClosing) {
      if (RAW_TEXT.has(name) || RCDATA.has(name)) sink.end(name);
      continue;
    }
    if (RAW_TEXT.has(name) || RCDATA.has(name)) {
      const endAt = findClose(html, name, i);
      if (RCDATA.has(name)) sink.text(decodeEntities(html.slice(i, endAt)));
      sink.end(name);
      const endGt = html.indexOf('>', endAt);
      i = textFrom = endAt >= n || endGt < 0 ? n : endGt + 1;
    }
  }
  flushText(n);
}

function isNameEnd(c: number): boolean {
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/**
 * Index of the '>' that ends a tag. Quotes count only where they open an attribute value
 * (after '='), as in browsers, so a stray quote in `width=50">` does not swallow the page.
 */
function scanTagEnd(html: string, from: number): number {
  const n = html.length;
  let i = from;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return i;
    if (c === 61 /* = */) {
      i++;
      while (i < n && html.charCodeAt(i) <= 32) i++;
      const q = html.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close < 0) return html.indexOf('>', i);
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return -1;
}

/** Index of the "</name" that ends a raw-text element, or the end of input. */
function findClose(html: string, name: string, from: number): number {
  const lower = '</' + name;
  let at = from;
  for (;;) {
    const k = html.indexOf('</', at);
    if (k < 0) return html.length;
    if (html.substr(k, lower.length).toLowerCase() === lower) {
      const after = html.charCodeAt(k + lower.length);
      // "</scriptx" does not end a script.
      if (!(after >= 97 && after <= 122) && !(after >= 65 && after <= 90) && !(after >= 48 && after <= 57)) return k;
    }
    at = k + 2;
  }
}
