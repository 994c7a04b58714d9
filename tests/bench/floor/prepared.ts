// Every statement the floor sends with parameters is prepared once per connection, named as the
// app's Sql names them (src/server/db/sql.ts, ADR 0032): the floor is the best plain pg does with the same SQL, and
// pg does that. Patched on pg's Client, under the pool and the cell save's checked-out client alike;
// this runs only in the floor's own process.
import pg from 'pg'
import { statementName } from '~/server/db/sql'

type Query = (this: pg.Client, ...args: unknown[]) => unknown

export function prepareEveryStatement(): void {
  const query = pg.Client.prototype.query as unknown as Query
  ;(pg.Client.prototype as unknown as { query: Query }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const [text, values, ...rest] = args
    if (typeof text !== 'string' || !Array.isArray(values)) return query.apply(this, args)
    return query.call(this, { name: statementName(text), text, values }, ...rest)
  }
}
