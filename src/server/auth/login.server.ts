// The login, callback and logout endpoints (mounted by src/routes/auth/*). The OIDC flow state
// (PKCE verifier, state, nonce, where to return) rides in a short-lived signed cookie, so the
// server keeps nothing between the redirect and the callback. Each endpoint is Request → Response
// (cookies included), so tests drive them in-process against the real provider.
import { jwtVerify, SignJWT } from 'jose'
import type { DependencyContainer } from 'tsyringe'
import { z } from 'zod'
import type { AppConfig } from '#config'
import { SessionService } from '~/domains/session/session.service'
import { UserService } from '~/domains/user/user.service'
import type { LoginFailureReason } from '~/shared/login-failure-reason'
import { getAppContainer } from '../di/app-container'
import { CLOCK, CONFIG, LOGGER, type TokenTypes } from '../di/tokens'
import { noteUser } from '../http/request-facts'
import { sessionIssuer, sessionKeysFor } from './access'
import { appCookieHeader, clearedCookieHeader, requestCookie } from './cookies'
import { loginFailureOf } from './login-failure'
import { loginRateLimited } from './login-rate-limit'
import { authorizationUrl, exchangeCode } from './oidc.server'
import { safeReturnTo } from './return-to'
import {
  keyByKid,
  SESSION_ALG,
  sessionCookieName,
  signSessionToken,
  verifySessionToken,
} from './session-token'

const FLOW_TTL_SECONDS = 600
const FLOW_AUDIENCE = 'pek-login-flow'

const LoginFlow = z.object({
  codeVerifier: z.string(),
  state: z.string(),
  nonce: z.string(),
  returnTo: z.string(),
})
type LoginFlow = z.infer<typeof LoginFlow>

const flowCookieName = (secure: boolean) => (secure ? '__Host-pek_login' : 'pek_login')

function redirect(location: string, cookies: string[] = [], status = 302): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' })
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(null, { status, headers })
}

const loginError = (reason: LoginFailureReason, cookies: string[] = []) =>
  redirect(`/login-error?reason=${reason}`, cookies)

/** For the log only. */
const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

function services(app: DependencyContainer) {
  return {
    config: app.resolve<TokenTypes[typeof CONFIG]>(CONFIG),
    log: app.resolve<TokenTypes[typeof LOGGER]>(LOGGER),
    clock: app.resolve<TokenTypes[typeof CLOCK]>(CLOCK),
  }
}

export async function beginLogin(request: Request, app = getAppContainer()): Promise<Response> {
  const { config, log } = services(app)
  const refused = loginRateLimited(request, config)
  if (refused) return refused
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
  try {
    const { url, checks } = await authorizationUrl(config.oidc)
    const keys = await sessionKeysFor(config)
    const flow = await new SignJWT({ ...checks, returnTo })
      .setProtectedHeader({ alg: SESSION_ALG, kid: keys.keyId })
      .setAudience(FLOW_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${FLOW_TTL_SECONDS}s`)
      .sign(keys.privateKey)
    const cookie = appCookieHeader(config, flowCookieName(config.secureCookies), flow, FLOW_TTL_SECONDS)
    return redirect(url.toString(), [cookie])
  } catch (error) {
    // In practice discovery: the provider is down or misconfigured (the log tells which).
    log.error('login start failed', { err: errorText(error) })
    return loginError('unavailable')
  }
}

async function readFlow(config: AppConfig, cookie: string | undefined): Promise<LoginFlow | null> {
  if (!cookie) return null
  try {
    const { payload } = await jwtVerify(cookie, keyByKid(await sessionKeysFor(config)), {
      algorithms: [SESSION_ALG],
      audience: FLOW_AUDIENCE,
    })
    const flow = LoginFlow.safeParse(payload)
    return flow.success ? { ...flow.data, returnTo: safeReturnTo(flow.data.returnTo) } : null
  } catch {
    return null
  }
}

/**
 * The provider's redirect back. Any failure — no flow cookie (expired, or this callback was already
 * used), mismatched state or nonce, a foreign issuer or audience, a disabled account — ends on
 * /login-error with its reason, never in a 500.
 */
export async function completeLogin(request: Request, app = getAppContainer()): Promise<Response> {
  const { config, log, clock } = services(app)
  const refused = loginRateLimited(request, config)
  if (refused) return refused
  const flowCookie = flowCookieName(config.secureCookies)
  // The flow is single-use: whatever happens next, the browser forgets it.
  const clearFlow = clearedCookieHeader(config, flowCookie)
  const flow = await readFlow(config, requestCookie(request, flowCookie))
  if (!flow) {
    log.warn('login failed', { reason: 'expired', check: 'flow-cookie' })
    return loginError('expired', [clearFlow])
  }
  try {
    const claims = await exchangeCode(config.oidc, new URL(request.url).searchParams, flow)
    const user = await app.resolve(UserService).recordLogin(claims)
    const session = await app.resolve(SessionService).start(user.id, config.session.ttlSeconds)
    const token = await signSessionToken(
      await sessionKeysFor(config),
      sessionIssuer(config),
      { userId: user.id, sessionId: session.id, realmId: config.realmId },
      session.expiresAt,
      clock.now(),
    )
    const sessionCookie = appCookieHeader(
      config,
      sessionCookieName(config.secureCookies),
      token,
      config.session.ttlSeconds,
    )
    noteUser(user.id)
    log.info('login', { userId: user.id })
    return redirect(flow.returnTo, [clearFlow, sessionCookie])
  } catch (error) {
    const failure = loginFailureOf(error)
    log.warn('login failed', { reason: failure.reason, check: failure.check, err: errorText(error) })
    return loginError(failure.reason, [clearFlow])
  }
}

/** Ends the session server-side (a copied token stops working) and clears the cookie. */
export async function logout(request: Request, app = getAppContainer()): Promise<Response> {
  const { config } = services(app)
  const name = sessionCookieName(config.secureCookies)
  const token = requestCookie(request, name)
  const claims =
    token && (await verifySessionToken(await sessionKeysFor(config), sessionIssuer(config), token))
  if (claims) await app.resolve(SessionService).revoke(claims.sessionId)
  return redirect('/', [clearedCookieHeader(config, name)], 303)
}
