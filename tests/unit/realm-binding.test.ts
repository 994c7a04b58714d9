// Row-level security trusts the session: a connection is bound to the app role and its realm once,
// when it opens (src/server/db/client.ts), and any SQL could undo that — `SET pek.realm`, `SET ROLE
// NONE` or `RESET ROLE` when the login role is the owner or a superuser. So no other source file may
// send such a statement (docs/decisions/0021-realm-row-level-security.md, "Residual risk").
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../../src')

/** Where session settings are changed on purpose: the binding itself, and the embedded server's reset between clients. */
const ALLOWED = new Set(['server/db/client.ts', 'server/db/embedded-postgres.ts'])

const SESSION_CHANGE =
  /\b(set\s+(local\s+|session\s+)?(role|session\s+authorization|row_security)|reset\s+(role|all|session\s+authorization|row_security)|discard\s+all|set_config|pek\.realm)\b/i

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe('the realm binding of a connection', () => {
  it('is changed nowhere in the app but where it is made', () => {
    const offenders = sourceFiles(SRC)
      .map((file) => path.relative(SRC, file))
      .filter((file) => !ALLOWED.has(file))
      .filter((file) => SESSION_CHANGE.test(readFileSync(path.join(SRC, file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('recognises the statements that would undo it', () => {
    for (const sql of [
      'SET ROLE NONE',
      'reset role',
      'SET LOCAL row_security = off',
      "SET pek.realm = 'other'",
      "SELECT set_config('pek.realm', 'other', false)",
      'RESET ALL',
      'DISCARD ALL',
      'SET SESSION AUTHORIZATION DEFAULT',
    ]) {
      expect([sql, SESSION_CHANGE.test(sql)]).toEqual([sql, true])
    }
    expect(SESSION_CHANGE.test('const reset = () => setRole(null)')).toBe(false)
  })
})
