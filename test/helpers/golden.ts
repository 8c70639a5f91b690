/** One row of the reference's golden template files (../shared/fixtures/templates and dialects). */
export interface Golden {
  readonly i: number;
  readonly dialect: string;
  readonly sql: string;
  readonly template?: string;
  readonly error?: string;
}
