/**
 * The file name of a prerendered answer: a 53-bit hash of the SQL text (cyrb53), the same in
 * Node (where the build writes the answers) and in the page (where the query service looks them
 * up). A collision cannot hand a query another query's answer: each answer carries its SQL in
 * the Arrow schema's metadata (`ANSWER_SQL`), checked on lookup, so a collision is a miss.
 */
export function answerKey(sql: string): string {
  const text = sql.trim();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Where the answers live under the site's data folder, and the name of their index. */
export const ANSWERS_DIR = 'answers';
export const ANSWERS_INDEX = 'index.json';

export const ANSWER_SQL = 'gongkai:sql';

/** index.json: the keys that have an answer, so a miss costs no request (and no 404 in the console). */
export type AnswerIndex = string[];
