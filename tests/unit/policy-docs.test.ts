// docs/policies.md lists every scope with the meaning the code gives it, and nothing else.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { SCOPES } from '~/server/auth/scopes'

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/policies.md'), 'utf8')

it('documents every scope with its meaning from the code', () => {
  const rows = new Map([...doc.matchAll(/^\| `([a-z-]+:[a-z-]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]))
  expect(Object.fromEntries(rows)).toEqual(SCOPES)
})
