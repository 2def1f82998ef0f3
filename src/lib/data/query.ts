/**
 * The query service every view goes through. Identical SQL runs once (in flight or cached);
 * a view asks through a named channel, and when its filter changes the answer to the older
 * SQL is dropped instead of overwriting the newer one. Results stay Arrow tables.
 */
import type { Table } from 'apache-arrow';
import type { Connector } from './connector';
import { QueryError } from './query-error';

export interface QueryServiceOptions {
  /** Most distinct SQL strings whose answers are kept. */
  cacheSize?: number;
}

/** What a channel query resolves to: the table, or `stale` when a newer query replaced it. */
export type ChannelResult = { stale: false; table: Table } | { stale: true };

export class QueryService {
  readonly #connector: Connector;
  readonly #cacheSize: number;
  /** Insertion order doubles as recency order: a hit is re-inserted at the end. */
  readonly #cache = new Map<string, Promise<Table>>();
  readonly #latest = new Map<string, number>();
  #ticket = 0;
  /** How many queries actually reached the database; tests and the bench read it. */
  executed = 0;

  constructor(connector: Connector, options: QueryServiceOptions = {}) {
    this.#connector = connector;
    this.#cacheSize = options.cacheSize ?? 200;
  }

  /** Run SQL once; later callers of the same text share the answer. */
  query(sql: string): Promise<Table> {
    const key = sql.trim();
    const hit = this.#cache.get(key);
    if (hit) {
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return hit;
    }
    this.executed++;
    const pending = this.#connector.query(key).catch((err: unknown) => {
      // A failure must not stick: the next identical request tries again.
      this.#cache.delete(key);
      throw err instanceof QueryError ? err : new QueryError(key, err);
    });
    this.#cache.set(key, pending);
    this.#evict();
    return pending;
  }

  /**
   * Run SQL for a view's channel. If the same channel asks again before this answer arrives,
   * this one resolves `stale` and the view keeps only the newer answer.
   */
  async latest(channel: string, sql: string): Promise<ChannelResult> {
    const ticket = ++this.#ticket;
    this.#latest.set(channel, ticket);
    try {
      const table = await this.query(sql);
      return this.#latest.get(channel) === ticket ? { stale: false, table } : { stale: true };
    } catch (err) {
      if (this.#latest.get(channel) !== ticket) return { stale: true };
      throw err;
    }
  }

  /** Forget every cached answer: the data changed (the user's workspace). */
  invalidate(): void {
    this.#cache.clear();
  }

  #evict(): void {
    while (this.#cache.size > this.#cacheSize) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#cache.delete(oldest);
    }
  }
}
