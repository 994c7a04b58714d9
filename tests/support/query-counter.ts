// Counts the SQL statements this process sends to PostgreSQL: every pg client, Prisma's adapter
// included (they share the one `pg` module), so a test sees what an entry point costs in round trips.
import pg from 'pg'

type Query = (...args: unknown[]) => unknown

let recording: string[] | null = null
const original = pg.Client.prototype.query as unknown as Query

function textOf(config: unknown): string {
  if (typeof config === 'string') return config
  if (typeof config === 'object' && config !== null && 'text' in config) return String(config.text)
  return String(config)
}

;(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  recording?.push(textOf(args[0]))
  return original.apply(this, args)
}

/** The statements sent while `run` ran (nothing else of this process may query meanwhile). */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  if (recording) throw new Error('statementsOf does not nest')
  const statements: string[] = []
  recording = statements
  try {
    await run()
  } finally {
    recording = null
  }
  return statements
}
