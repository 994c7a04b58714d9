// The entry-point registry is complete: every server function, tRPC procedure and guarded server
// route is guarded by an entry of src/domains/entry-points.ts, and every entry is used. The guard
// calls are discovered from the source and the router, not from a hand-kept list.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENTRY_POINTS } from '~/domains/entry-points'
import type { EntryPoint } from '~/server/auth/entry-point'
import { isScope } from '~/server/auth/scopes'
import { appRouter } from '~/server/trpc/app-router'

const SRC = path.resolve(import.meta.dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

const files = sourceFiles(SRC).map((file) => ({
  file: path.relative(SRC, file),
  text: readFileSync(file, 'utf8'),
}))

// Every exported `<x>Entries` object of every *.entries.ts, found by reading the folder.
const entryModules = import.meta.glob<Record<string, Record<string, EntryPoint>>>(
  '../../src/domains/**/*.entries.ts',
  {
    eager: true,
  },
)
const declared = new Map(
  Object.values(entryModules).flatMap((module) =>
    Object.entries(module).flatMap(([exportName, entries]) =>
      Object.entries(entries).map(([key, entry]) => [`${exportName}.${key}`, entry] as const),
    ),
  ),
)
const registered = new Set(ENTRY_POINTS.map((e) => e.name))

/** `authGuard(entries.list)` → the entry it names, through the file's import of the entries object. */
function guardCalls(text: string): { call: string; entry: EntryPoint | undefined }[] {
  const aliases = new Map<string, string>()
  for (const m of text.matchAll(/import \{ (\w+Entries)(?: as (\w+))? \} from '[^']+\.entries'/g))
    if (m[1]) aliases.set(m[2] ?? m[1], m[1])
  return [...text.matchAll(/\b(authGuard|guardedProcedure|guardEntry)\(([^)]*)/g)].map((m) => {
    const [object, key] = (m[2] ?? '').split(/[.,]/).map((s) => s.trim())
    const exportName = object ? aliases.get(object) : undefined
    return { call: `${m[1]}(${m[2]})`, entry: exportName ? declared.get(`${exportName}.${key}`) : undefined }
  })
}

const guardDefinitions = new Set(['server/auth/guard.ts', 'server/trpc/init.ts'])
const calls = files
  .filter((f) => !guardDefinitions.has(f.file))
  .flatMap((f) => guardCalls(f.text).map((c) => ({ ...c, file: f.file })))

describe('the entry-point registry', () => {
  it('lists every entry of every *.entries.ts once, with a real scope', () => {
    expect(declared.size).toBeGreaterThan(0)
    expect([...declared.values()].map((e) => e.name).sort()).toEqual([...registered].sort())
    expect(registered.size).toBe(ENTRY_POINTS.length)
    for (const entry of ENTRY_POINTS) {
      expect(isScope(entry.scope), entry.name).toBe(true)
      for (const reveal of entry.reveal) {
        const scope = typeof reveal === 'string' ? reveal : reveal.scope
        expect(isScope(scope), `${entry.name} reveals ${scope}`).toBe(true)
      }
    }
  })

  it('guards every server function with a registry entry', () => {
    for (const { file, text } of files) {
      const functions = text.match(/createServerFn\(/g)?.length ?? 0
      const guarded = text.match(/createServerFn\(\{[^}]*\}\)\s*\.middleware\(\[authGuard\(\w+\.\w+\)\]\)/g)
      expect(guarded?.length ?? 0, `${file}: a server function without authGuard(<entry>)`).toBe(functions)
    }
  })

  it('names a registered entry in every guard call', () => {
    expect(calls.length).toBeGreaterThan(ENTRY_POINTS.length)
    for (const { file, call, entry } of calls) {
      expect(entry, `${file}: ${call} is not an entry of a *.entries.ts`).toBeDefined()
      expect(registered.has(entry?.name ?? ''), `${file}: ${call}`).toBe(true)
    }
  })

  it('builds every tRPC procedure from a registered entry', () => {
    // At run time the record is flat, keyed by path ("group.list"); its static type is nested.
    const flat: unknown = appRouter._def.procedures
    const procedures = Object.entries(flat as Record<string, { _def: { meta?: unknown } }>)
    expect(procedures.length).toBeGreaterThan(0)
    for (const [procedurePath, procedure] of procedures) {
      const meta = procedure._def.meta as { entryPoint?: string } | undefined
      expect(registered.has(meta?.entryPoint ?? ''), procedurePath).toBe(true)
    }
  })

  it('has no entry that nothing uses', () => {
    const used = new Set(calls.map((c) => c.entry?.name))
    expect(ENTRY_POINTS.filter((e) => !used.has(e.name)).map((e) => e.name)).toEqual([])
  })
})
