// The log lines as an operator reads them, and what never gets into them (docs/decisions/0019).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createLogger } from '~/server/logger'

function capture(level: Parameters<typeof createLogger>[0] = 'debug') {
  const lines: string[] = []
  const log = createLogger(level, { realm: 'hub' }, (line) => lines.push(line))
  return { log, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) }
}

const JWT =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6InRlc3QtMSJ9.eyJ1c2VySWQiOjEsInNlc3Npb25JZCI6ImFiYyJ9.c2lnbmF0dXJlLWJ5dGVz'

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, message, the base and the fields', () => {
    const { log, lines, records } = capture()
    log.info('request', { requestId: 'r-1', status: 200 })
    expect(lines).toHaveLength(1)
    expect(lines[0]?.endsWith('\n')).toBe(true)
    const [record] = records()
    expect(record).toMatchObject({
      level: 'info',
      msg: 'request',
      realm: 'hub',
      requestId: 'r-1',
      status: 200,
    })
    expect(new Date(String(record?.time)).toString()).not.toBe('Invalid Date')
  })

  it('drops lines below the configured level and writes nothing when silent', () => {
    const warn = capture('warn')
    warn.log.info('chatter')
    warn.log.error('trouble')
    expect(warn.records().map((r) => r.msg)).toEqual(['trouble'])
    const silent = capture('silent')
    silent.log.error('trouble')
    expect(silent.lines).toEqual([])
  })

  it('carries a child logger’s fields on its lines', () => {
    const { log, records } = capture()
    log.child({ requestId: 'r-2' }).warn('slow')
    expect(records()[0]).toMatchObject({ realm: 'hub', requestId: 'r-2', level: 'warn', msg: 'slow' })
  })

  it('never writes secrets, whatever a caller passes', () => {
    const { log, lines, records } = capture()
    log.info('careless', {
      headers: { cookie: `pek_session=${JWT}`, authorization: 'Bearer abc.def', 'user-agent': 'test' },
      callback: { code: 'the-code', state: 'the-state', nonce: 'the-nonce', codeVerifier: 'v' },
      clientSecret: 'pek-dev-secret',
      accessToken: 'opaque-token',
      note: `the token was ${JWT} yesterday`,
    })
    log.child({ sessionToken: JWT }).error('failed', { err: new Error(`bad token ${JWT}`) })
    const text = lines.join('')
    for (const secret of [
      JWT,
      'abc.def',
      'the-code',
      'the-state',
      'the-nonce',
      'pek-dev-secret',
      'opaque-token',
    ]) {
      expect(text).not.toContain(secret)
    }
    const [careless, failed] = records()
    // What is not secret stays readable.
    expect(careless).toMatchObject({
      headers: { 'user-agent': 'test' },
      note: 'the token was [redacted] yesterday',
    })
    expect(failed).toMatchObject({ err: { type: 'Error', message: 'bad token [redacted]' } })
  })
})

/**
 * A process that logs `early`, waits `waitMs`, logs `late` (together under the 4 KiB batch) and
 * exits at once. Its stdout with the time each chunk arrived, and the time it exited.
 */
async function logInChild(waitMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pek-logger-'))
  const script = join(dir, 'log.mts')
  const logger = pathToFileURL(join(process.cwd(), 'src/server/logger.ts')).href
  writeFileSync(
    script,
    `import { createLogger } from ${JSON.stringify(logger)}
     const log = createLogger('info')
     log.info('early')
     setTimeout(() => {
       for (let i = 0; i < 5; i++) log.info('late', { i })
       process.exit(0)
     }, ${waitMs})`,
  )
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const chunks: { at: number; text: string }[] = []
    child.stdout.on('data', (data: Buffer) => chunks.push({ at: Date.now(), text: data.toString() }))
    const code = await new Promise((resolve) => child.on('close', resolve))
    return { code, exitedAt: Date.now(), chunks }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('createLogger on stdout', () => {
  it('writes lines in batches, yet none waits long and none is lost at exit', async () => {
    const { code, exitedAt, chunks } = await logInChild(3_000)
    expect(code).toBe(0)
    const lines = chunks.flatMap((c) =>
      c.text
        .split('\n')
        .filter(Boolean)
        .map((line) => ({ at: c.at, line })),
    )
    const messages = lines.map(({ line }) => (JSON.parse(line) as { msg: string }).msg)
    expect(messages).toEqual(['early', 'late', 'late', 'late', 'late', 'late'])
    // The early line came out while the process was still waiting, not with the rest at exit.
    expect(exitedAt - (lines[0]?.at ?? exitedAt)).toBeGreaterThan(1_500)
  }, 20_000)
})
