// The login, callback and logout endpoints (mounted by src/routes/auth/*). The OIDC flow state
// (PKCE verifier, state, nonce, where to return) rides in a short-lived signed cookie, so the
// server keeps nothing between the redirect and the callback.
import { getCookie } from '@tanstack/react-start/server'
import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import type { AppConfig } from '#config'
import { SessionService } from '~/domains/session/session.service'
import { UserService } from '~/domains/user/user.service'
import { getAppContainer } from '../di/app-container'
import { CONFIG, LOGGER, type TokenTypes } from '../di/tokens'
import { sessionIssuer, sessionKeysFor } from './access'
import { clearAppCookie, setAppCookie } from './cookies'
import { authorizationUrl, exchangeCode } from './oidc.server'
import { safeReturnTo } from './return-to'
import { SESSION_ALG, sessionCookieName, signSessionToken, verifySessionToken } from './session-token'

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

function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location, 'cache-control': 'no-store' } })
}

function services() {
  const app = getAppContainer()
  return {
    app,
    config: app.resolve<TokenTypes[typeof CONFIG]>(CONFIG),
    log: app.resolve<TokenTypes[typeof LOGGER]>(LOGGER),
  }
}

export async function beginLogin(request: Request): Promise<Response> {
  const { config } = services()
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
  const { url, checks } = await authorizationUrl(config.oidc)
  const keys = await sessionKeysFor(config)
  const flow = await new SignJWT({ ...checks, returnTo })
    .setProtectedHeader({ alg: SESSION_ALG, kid: keys.keyId })
    .setAudience(FLOW_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${FLOW_TTL_SECONDS}s`)
    .sign(keys.privateKey)
  setAppCookie(config, flowCookieName(config.secureCookies), flow, FLOW_TTL_SECONDS)
  return redirect(url.toString())
}

async function readFlow(config: AppConfig): Promise<LoginFlow | null> {
  const cookie = getCookie(flowCookieName(config.secureCookies))
  if (!cookie) return null
  try {
    const { payload } = await jwtVerify(cookie, (await sessionKeysFor(config)).publicKey, {
      algorithms: [SESSION_ALG],
      audience: FLOW_AUDIENCE,
    })
    const flow = LoginFlow.safeParse(payload)
    return flow.success ? { ...flow.data, returnTo: safeReturnTo(flow.data.returnTo) } : null
  } catch {
    return null
  }
}

export async function completeLogin(request: Request): Promise<Response> {
  const { app, config, log } = services()
  const search = new URL(request.url).searchParams
  const flow = await readFlow(config)
  clearAppCookie(config, flowCookieName(config.secureCookies))
  if (!flow) return redirect('/login-error?reason=expired')
  if (search.has('error')) return redirect('/login-error?reason=denied')
  try {
    const claims = await exchangeCode(config.oidc, search, flow)
    const user = await app.resolve(UserService).recordLogin(claims)
    const session = await app.resolve(SessionService).start(user.id, config.session.ttlSeconds)
    const token = await signSessionToken(
      await sessionKeysFor(config),
      sessionIssuer(config),
      { userId: user.id, sessionId: session.id, realmId: config.realmId },
      session.expiresAt,
    )
    setAppCookie(config, sessionCookieName(config.secureCookies), token, config.session.ttlSeconds)
    log.info('login', { userId: user.id })
    return redirect(flow.returnTo)
  } catch (error) {
    log.warn('login failed', { reason: error instanceof Error ? error.message : String(error) })
    return redirect('/login-error?reason=failed')
  }
}

/** Ends the session server-side (a copied token stops working) and clears the cookie. */
export async function logout(): Promise<Response> {
  const { app, config } = services()
  const name = sessionCookieName(config.secureCookies)
  const token = getCookie(name)
  const claims =
    token && (await verifySessionToken(await sessionKeysFor(config), sessionIssuer(config), token))
  if (claims) await app.resolve(SessionService).revoke(claims.sessionId)
  clearAppCookie(config, name)
  return redirect('/', 303)
}
