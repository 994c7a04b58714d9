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
 * A logger at `level` whose every line carries `base`. `write` receives each finished line (tests
 * capture them); by default lines go to stdout synchronously, so none is lost when the process exits.
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
  return wrap(write ? pino(options, { write }) : pino(options))
}
