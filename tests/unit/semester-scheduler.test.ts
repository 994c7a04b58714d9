// The in-process scheduler: looks at once when started, then after at most the interval (sooner when
// a switch is due sooner), plus jitter; survives a failing look; stops cleanly, waiting for a look
// under way; and does nothing at all unless started.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DueSwitchesResult } from '~/domains/semester/semester.service'
import { SemesterScheduler } from '~/domains/semester/semester-scheduler'
import { createLogger, type Logger } from '~/server/logger'

const T0 = new Date('2027-01-31T22:59:00Z')

function setup(results: (() => Promise<DueSwitchesResult>)[] = [], random = () => 0) {
  const lines: string[] = []
  const log: Logger = createLogger('info', {}, (line) => lines.push(line))
  const applyDue = vi.fn(async () => (results.shift() ?? (async () => ({ applied: 0, nextAt: null })))())
  const scheduler = new SemesterScheduler(applyDue, {
    intervalMs: 30_000,
    jitterMs: 2_000,
    clock: { now: () => new Date() },
    log,
    random,
  })
  return { scheduler, applyDue, lines }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the wait between looks', () => {
  const { scheduler } = setup([], () => 0.5)
  it('is the interval with nothing scheduled, or until the next switch when that comes sooner', () => {
    expect(scheduler.delayAfter(null)).toBe(31_000)
    expect(scheduler.delayAfter(new Date(T0.getTime() + 5_000))).toBe(6_000)
    expect(scheduler.delayAfter(new Date(T0.getTime() + 3_600_000))).toBe(31_000)
    // Already due (scheduled while a look was under way): look again right after the jitter.
    expect(scheduler.delayAfter(new Date(T0.getTime() - 1))).toBe(1_000)
  })
})

describe('the loop', () => {
  it('does nothing unless started', async () => {
    const { applyDue } = setup()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(applyDue).not.toHaveBeenCalled()
  })

  it('looks at once, then at the next switch, then every interval', async () => {
    const nextAt = new Date(T0.getTime() + 10_000)
    const { scheduler, applyDue, lines } = setup([
      async () => ({ applied: 0, nextAt }),
      async () => ({ applied: 1, nextAt: null }),
    ])
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(applyDue).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(9_999)
    expect(applyDue).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(applyDue).toHaveBeenCalledTimes(2)
    expect(lines.some((l) => l.includes('semester switches applied'))).toBe(true)
    await vi.advanceTimersByTimeAsync(29_999)
    expect(applyDue).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(applyDue).toHaveBeenCalledTimes(3)
    await scheduler.stop()
  })

  it('logs a failed look and tries again after the interval', async () => {
    const { scheduler, applyDue, lines } = setup([
      async () => {
        throw new Error('database restarting')
      },
    ])
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(lines.find((l) => l.includes('semester switches failed'))).toContain('database restarting')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(applyDue).toHaveBeenCalledTimes(2)
    await scheduler.stop()
  })

  it('starts once however often it is started, and stops after the look under way', async () => {
    let finish: (r: DueSwitchesResult) => void = () => {}
    const { scheduler, applyDue } = setup([() => new Promise((resolve) => (finish = resolve))])
    scheduler.start().start()
    await vi.advanceTimersByTimeAsync(0)
    expect(applyDue).toHaveBeenCalledTimes(1)
    let stopped = false
    const stopping = scheduler.stop().then(() => (stopped = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(stopped).toBe(false)
    finish({ applied: 0, nextAt: null })
    await stopping
    expect(stopped).toBe(true)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(applyDue).toHaveBeenCalledTimes(1)
  })
})
