// Liveness and readiness, as JSON. /readyz also resolves every registered service, so a
// production build with broken DI metadata reports itself unready instead of failing later.
import { getAppContainer } from '../di/app-container'
import { verifyServices } from '../di/hub-module'
import { LOGGER, PRISMA, type TokenTypes } from '../di/tokens'
import { DATABASE_RETRY_AFTER_SECONDS } from '../http/error-mapping'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })

export function liveness(): Response {
  return json(200, { status: 'ok' })
}

export async function readiness(): Promise<Response> {
  const app = getAppContainer()
  const checks: Record<string, 'ok' | 'failed'> = { database: 'failed', services: 'failed' }
  let services: string[] = []
  try {
    await app.resolve<TokenTypes[typeof PRISMA]>(PRISMA).$queryRaw`SELECT 1`
    checks.database = 'ok'
  } catch (error) {
    app
      .resolve<TokenTypes[typeof LOGGER]>(LOGGER)
      .warn('readiness: database unreachable', { error: String(error) })
  }
  try {
    services = verifyServices(app)
    checks.services = 'ok'
  } catch (error) {
    app
      .resolve<TokenTypes[typeof LOGGER]>(LOGGER)
      .error('readiness: a service cannot be built', { error: String(error) })
  }
  const ready = Object.values(checks).every((c) => c === 'ok')
  return json(
    ready ? 200 : 503,
    { status: ready ? 'ok' : 'unavailable', checks, services },
    ready ? {} : { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  )
}
