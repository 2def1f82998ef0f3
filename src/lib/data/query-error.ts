/** A failed query, carrying its SQL so a bug report can say exactly what ran. */
export class QueryError extends Error {
  readonly sql: string;
  readonly detail: string;

  constructor(sql: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`查询失败：${detail}`, { cause });
    this.name = 'QueryError';
    this.sql = sql;
    this.detail = detail;
  }

  /** What the page shows: a Chinese sentence, then the SQL for whoever debugs it. */
  get userMessage(): string {
    return `数据查询出错（${this.detail}）。`;
  }
}
