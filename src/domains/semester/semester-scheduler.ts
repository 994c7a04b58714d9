// Makes scheduled switches happen on time without anyone clicking: a small in-process loop that
// calls SemesterService.applyDueSwitches, started once per server process by the app container
// (src/server/di/app-container.ts) — never by tests unless a test starts one. Several instances may
// run it at once: the service applies each switch exactly once (settings row lock).
import type { DependencyContainer } from 'tsyringe'
import { ANONYMOUS } from '~/server/auth/actor'
import { requestContainer } from '~/server/di/request-scope'
import { CLOCK, type Clock, LOGGER, type TokenTypes } from '~/server/di/tokens'
import type { Logger } from '~/server/logger'
import { type DueSwitchesResult, SemesterService } from './semester.service'

export interface SchedulerOptions {
  /** The longest wait between two looks; a switch due sooner is looked for at its time. */
  intervalMs: number
  /** Up to this much is added at random to every wait, so instances do not all look at once. */
  jitterMs: number
  clock: Clock
  log: Logger
  random?: () => number
}

export const DEFAULT_INTERVAL_MS = 30_000
export const DEFAULT_JITTER_MS = 2_000

export class SemesterScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> | undefined
  private stopped = true
  /** Bumped by every start: a look from before a stop and restart must not start a second loop. */
  private generation = 0

  constructor(
    private readonly applyDue: () => Promise<DueSwitchesResult>,
    private readonly options: SchedulerOptions,
  ) {}

  /** Looks at once, then after every wait. Starting a started scheduler does nothing. */
  start(): this {
    if (!this.stopped) return this
    this.stopped = false
    this.generation++
    this.wait(0, this.generation)
    return this
  }

  /** No further look starts; a look under way is waited for. */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
    await this.running
  }

  /** The wait before the next look: until the next switch is due, at most the interval, plus jitter. */
  delayAfter(nextAt: Date | null): number {
    const { intervalMs, jitterMs, clock, random = Math.random } = this.options
    const untilDue = nextAt ? Math.max(0, nextAt.getTime() - clock.now().getTime()) : intervalMs
    return Math.min(untilDue, intervalMs) + Math.floor(random() * jitterMs)
  }

  private wait(ms: number, generation: number) {
    if (this.stopped || generation !== this.generation) return
    this.timer = setTimeout(() => {
      this.running = this.look(generation).finally(() => {
        this.running = undefined
      })
    }, ms)
    // A waiting scheduler never keeps the process alive on its own.
    this.timer.unref?.()
  }

  private async look(generation: number): Promise<void> {
    let nextAt: Date | null = null
    try {
      const result = await this.applyDue()
      nextAt = result.nextAt
      if (result.applied > 0) this.options.log.info('semester switches applied', { applied: result.applied })
    } catch (error) {
      const err = error instanceof Error ? { name: error.name, message: error.message } : String(error)
      this.options.log.error('semester switches failed; retrying', { err })
    }
    this.wait(this.delayAfter(nextAt), generation)
  }
}

/** A scheduler over the app's container: each look resolves the service in a fresh system scope. */
export function semesterScheduler(
  app: DependencyContainer,
  options: Partial<Pick<SchedulerOptions, 'intervalMs' | 'jitterMs'>> = {},
): SemesterScheduler {
  const applyDue = () =>
    requestContainer(app, ANONYMOUS, 'semester-scheduler').resolve(SemesterService).applyDueSwitches()
  return new SemesterScheduler(applyDue, {
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    jitterMs: options.jitterMs ?? DEFAULT_JITTER_MS,
    clock: app.resolve<TokenTypes[typeof CLOCK]>(CLOCK),
    log: app.resolve<TokenTypes[typeof LOGGER]>(LOGGER).child({ job: 'semester-scheduler' }),
  })
}
