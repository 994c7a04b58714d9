// The production server's start and stop (scripts/start.mjs through src/server.ts): the app
// container with its background jobs and metrics at start; on SIGTERM the drain, then the jobs and
// the database pool (docs/decisions/0019).
import type { Server } from 'node:http'
import { poolStatsOf } from './db/client'
import { getAppContainer, stopBackgroundJobs } from './di/app-container'
import { CONFIG, LOGGER, PRISMA, type TokenTypes } from './di/tokens'
import { drainHttpServer } from './http/drain'
import type { Logger } from './logger'
import { observeDatabasePool } from './metrics/metrics'

function appLog(): Logger {
  return getAppContainer().resolve<TokenTypes[typeof LOGGER]>(LOGGER)
}

/**
 * Builds the app container now rather than at the first request: it starts the semester scheduler,
 * so a scheduled switch happens on time even if nobody visits (docs/decisions/0014).
 */
export function startApp(listening: { url: string; metricsUrl?: string }): void {
  const app = getAppContainer()
  const config = app.resolve<TokenTypes[typeof CONFIG]>(CONFIG)
  const prisma = app.resolve<TokenTypes[typeof PRISMA]>(PRISMA)
  observeDatabasePool(() => poolStatsOf(prisma) ?? { total: 0, idle: 0, waiting: 0 })
  appLog().info('listening', { ...listening, env: config.env })
}

/**
 * Stops accepting, lets the requests under way finish until the deadline, then stops the background
 * jobs and closes the database pool. Resolves with the exit code: 0 when everything finished in time.
 */
export async function shutDown(servers: { app: Server; metrics?: Server }, signal: string): Promise<number> {
  const app = getAppContainer()
  const { shutdownTimeoutMs } = app.resolve<TokenTypes[typeof CONFIG]>(CONFIG)
  const log = appLog()
  log.info('shutting down', { signal, deadlineMs: shutdownTimeoutMs })
  const drained = await drainHttpServer(servers.app, shutdownTimeoutMs)
  if (!drained) log.error('shutdown deadline passed: cut the requests still running')
  if (servers.metrics) await drainHttpServer(servers.metrics, 0)
  await stopBackgroundJobs()
  await app.resolve<TokenTypes[typeof PRISMA]>(PRISMA).$disconnect()
  log.info('stopped', { drained })
  return drained ? 0 : 1
}
