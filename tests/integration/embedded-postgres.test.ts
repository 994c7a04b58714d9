// `pnpm dev` on a fresh clone: the embedded PostgreSQL starts with a data folder whose parents do
// not exist yet (there is no .data/ in a clone), and keeps its data across a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '~/server/db/embedded-postgres'

const root = mkdtempSync(join(tmpdir(), 'pek-pglite-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

it('creates missing parent folders of its data folder and keeps the data across a restart', async () => {
  const dataDir = join(root, 'fresh-clone', '.data', 'pglite')
  const first = await startEmbeddedPostgres({ dataDir })
  await query(first.url, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)')
  await first.stop()
  const second = await startEmbeddedPostgres({ dataDir })
  try {
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 42 }])
  } finally {
    await second.stop()
  }
}, 60_000)
