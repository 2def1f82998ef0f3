/**
 * Prerendered answers in the page: the build ran each view's default queries (and those of the
 * URL states a shared link most often carries) against the shipped data and wrote the answers
 * as Arrow IPC. A query with such an answer is served from it at once, so a deep link draws
 * true figures before DuckDB-WASM has booted; every other query waits for DuckDB.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { ANSWERS_DIR, ANSWERS_INDEX, ANSWER_SQL, answerKey, type AnswerIndex } from './key';

export class PrerenderedAnswers {
  readonly #url: (name: string) => string;
  #index: Promise<Set<string>> | undefined;

  constructor(fileUrl: (name: string) => string) {
    this.#url = fileUrl;
  }

  #loadIndex(): Promise<Set<string>> {
    // A site built without answers (or an older one) simply has none: every query goes to DuckDB.
    this.#index ??= fetch(this.#url(`${ANSWERS_DIR}/${ANSWERS_INDEX}`))
      .then(async (res) => new Set<string>(res.ok ? ((await res.json()) as AnswerIndex) : []))
      .catch(() => new Set<string>());
    return this.#index;
  }

  /** The shipped data's answer to this SQL, or null when the build did not prerender it. */
  async answer(sql: string): Promise<Table | null> {
    const text = sql.trim();
    const key = answerKey(text);
    if (!(await this.#loadIndex()).has(key)) return null;
    try {
      const res = await fetch(this.#url(`${ANSWERS_DIR}/${key}.arrow`));
      if (!res.ok) return null;
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      return table.schema.metadata.get(ANSWER_SQL) === text ? table : null;
    } catch {
      return null;
    }
  }
}
