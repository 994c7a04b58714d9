// Structured logs: pino, one JSON object per line on stdout (time, level as a word, msg, fields),
// behind the small Logger interface the app codes against. Secrets must not reach the log in the
// first place; the scrubbing below is the net under that rule (docs/decisions/0019).
import { hostname } from 'node:os'
import pino from 'pino'
import { scrubLogFields } from './log-redaction'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

function wrap(logger: pino.Logger): Logger {
  return {
    debug: (msg, fields) => logger.debug(fields ?? {}, msg),
    info: (msg, fields) => logger.info(fields ?? {}, msg),
    warn: (msg, fields) => logger.warn(fields ?? {}, msg),
    error: (msg, fields) => logger.error(fields ?? {}, msg),
    // pino runs no formatter over a child's bindings: they are scrubbed here.
    child: (fields) => wrap(logger.child(scrubLogFields(fields))),
  }
}

/**
 * How long a line may wait in the buffer before it is written. Writing each line on its own cost
 * the group page a fifth of its CPU under load (issue 8, docs/performance.md fix 33).
 */
const LOG_FLUSH_MS = 250
const LOG_BUFFER_BYTES = 4096

/**
 * A logger at `level` whose every line carries `base`. `write` receives each finished line (tests
 * capture them). By default lines go to stdout in batches: written once 4 KiB have gathered or
 * LOG_FLUSH_MS have passed, and whatever is left when the process exits is written before it does.
 */
export function createLogger(level: LogLevel, base: LogFields = {}, write?: (line: string) => void): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: scrubLogFields({ pid: process.pid, hostname: hostname(), ...base }),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: scrubLogFields },
    // scrubLogFields has already made errors plain { type, message, stack } objects.
    serializers: { err: (err: unknown) => err },
  }
  if (write) return wrap(pino(options, { write }))
  // A silent logger (tests) opens no stream and starts no timer.
  if (level === 'silent') return wrap(pino(options, { write: () => {} }))
  return wrap(
    pino(
      options,
      pino.destination({ dest: 1, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS, sync: false }),
    ),
  )
}
