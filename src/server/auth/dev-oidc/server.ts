// A real, local OpenID provider that stands in for AuthSCH in development and tests. It uses
// oidc-provider, so our client code runs against genuine protocol checks (PKCE, exact redirect URIs,
// client authentication, signed ID tokens) instead of a mock. Production never starts it.
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import Provider, {
  type Adapter,
  type AdapterPayload,
  type Configuration,
  errors,
  type Interaction,
  type JWK,
  type KoaContextWithOIDC,
} from 'oidc-provider'
import { z } from 'zod'
import { claimsFor, OIDC_SCOPE_CLAIMS } from './claims'
import { DEMO_ACCOUNTS, type DemoAccount, demoFullName } from './demo-accounts'

export interface DevOidcClientOptions {
  clientId: string
  clientSecret: string
  /** Matched exactly, as AuthSCH does. */
  redirectUris: string[]
  postLogoutRedirectUris?: string[]
  /** openid-client 6 sends the secret in the body unless told otherwise, hence the default. */
  tokenEndpointAuthMethod?: 'client_secret_post' | 'client_secret_basic'
}

export interface DevOidcServerOptions {
  /** 0 picks a free port. The issuer is always `http://127.0.0.1:<port>`. */
  port: number
  client: DevOidcClientOptions
  /** Keeps the signing key across restarts so tokens and cached JWKS stay valid; in memory when absent. */
  keysFile?: string
  accounts?: readonly DemoAccount[]
  /** Unexpected provider errors; defaults to console.error. */
  onServerError?: (error: unknown) => void
}

export interface DevOidcServer {
  issuer: string
  stop(): Promise<void>
}

export async function startDevOidcServer(options: DevOidcServerOptions): Promise<DevOidcServer> {
  const accounts = options.accounts ?? DEMO_ACCOUNTS
  const onServerError = options.onServerError ?? ((error: unknown) => console.error(error))
  const jwks = await loadOrCreateSigningKeys(options.keysFile)

  // Listen first: with port 0 the issuer URL is only known once the OS has picked the port.
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: options.port, host: '127.0.0.1' }, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const issuer = `http://127.0.0.1:${port}`

  const provider = new Provider(issuer, providerConfiguration(options.client, accounts, jwks))
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: unknown) => onServerError(error))
  const callback = provider.callback()

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname)?.[1]
    if (uid === undefined) {
      void callback(req, res)
      return
    }
    handleInteraction(provider, accounts, uid, req, res).catch((error: unknown) => {
      if (error instanceof errors.SessionNotFound) {
        sendHtml(res, 400, errorPage('A bejelentkezési folyamat lejárt vagy ismeretlen.'))
        return
      }
      onServerError(error)
      if (!res.headersSent) sendHtml(res, 500, errorPage('Váratlan hiba történt.'))
    })
  })

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      // Keep-alive sockets (browsers, undici) would otherwise hold close() open for seconds.
      server.closeAllConnections()
    })
    return stopping
  }
  return { issuer, stop }
}

function providerConfiguration(
  client: DevOidcClientOptions,
  accounts: readonly DemoAccount[],
  jwks: { keys: JWK[] },
): Configuration {
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_post',
      },
    ],
    adapter: createMemoryAdapter(),
    jwks,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Copied because oidc-provider rewrites the arrays in place.
    claims: Object.fromEntries(
      Object.entries(OIDC_SCOPE_CLAIMS).map(([scope, names]) => [scope, [...names]]),
    ),
    scopes: ['openid'],
    // Our app reads the profile from the ID token, so put the scope's claims there, not only in userinfo.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    pkce: { required: () => true },
    allowOmittingSingleRegisteredRedirectUri: false,
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Grant: 3600,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html'
          ctx.body = logoutPage(form)
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html'
          ctx.body = page('Kijelentkezve', '<h1>Kijelentkeztél</h1><p>A fejlesztői munkamenet véget ért.</p>')
        },
      },
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: Interaction) => `/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.find((candidate) => candidate.subject === sub)
      return account && { accountId: account.subject, claims: () => claimsFor(account) }
    },
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = errorPage(`${out.error}${out.error_description ? `: ${out.error_description}` : ''}`)
    },
  }
}

async function handleInteraction(
  provider: Provider,
  accounts: readonly DemoAccount[],
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res)
  if (details.uid !== uid) return sendHtml(res, 400, errorPage('Ismeretlen bejelentkezési folyamat.'))

  if (req.method === 'GET') {
    const accountId = details.session?.accountId
    // Already logged in at the provider: consent is implied for our first-party client, never asked.
    if (details.prompt.name === 'consent' && accountId !== undefined) {
      const grantId = await grantRequested(provider, details, accountId)
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      )
    }
    return sendHtml(res, 200, loginPage(uid, accounts))
  }
  if (req.method !== 'POST') return sendHtml(res, 405, errorPage('Nem támogatott kérés.'))

  const form = await readForm(req)
  if (form.has('abort')) {
    const result = {
      error: 'access_denied',
      error_description: 'A felhasználó megszakította a bejelentkezést.',
    }
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
  }
  const account = accounts.find((candidate) => candidate.subject === form.get('account'))
  if (!account) return sendHtml(res, 400, errorPage('Ismeretlen demó fiók.'))

  // Login and consent finish together, so the browser goes straight back to the app.
  const grantId = await grantRequested(provider, details, account.subject)
  const result = { login: { accountId: account.subject }, consent: { grantId } }
  return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
}

/** Grants everything the client asked for: the dev client stands for our own first-party app. */
async function grantRequested(provider: Provider, details: Interaction, accountId: string): Promise<string> {
  const clientId = details.params.client_id
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined
  const grant =
    existing ?? new provider.Grant({ accountId, clientId: typeof clientId === 'string' ? clientId : '' })
  const scope = details.params.scope
  if (typeof scope === 'string') grant.addOIDCScope(scope)
  const missingClaims = details.prompt.details.missingOIDCClaims
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.filter((c) => typeof c === 'string'))
  const missingResourceScopes = details.prompt.details.missingResourceScopes
  if (isRecord(missingResourceScopes)) {
    for (const [resource, scopes] of Object.entries(missingResourceScopes)) {
      if (Array.isArray(scopes))
        grant.addResourceScope(
          resource,
          scopes.filter((s) => typeof s === 'string'),
        )
    }
  }
  return grant.save()
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of req) {
    body += String(chunk)
    if (body.length > 8192) throw new Error('interaction form too large')
  }
  return new URLSearchParams(body)
}

// ---- signing keys ---------------------------------------------------------------------------------

const privateJwk = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: z.string(),
  e: z.string(),
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
})
const jwksFile = z.object({ keys: z.array(privateJwk).min(1) })

// RS256: the OIDC default id_token_signed_response_alg, which openid-client expects unless told otherwise.
async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })
  return privateJwk.parse({
    ...privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  })
}

async function loadOrCreateSigningKeys(keysFile: string | undefined): Promise<{ keys: JWK[] }> {
  if (keysFile === undefined) return { keys: [await generateSigningKey()] }
  try {
    return jwksFile.parse(JSON.parse(await readFile(keysFile, 'utf8')))
  } catch (error) {
    if (!isErrnoException(error) || error.code !== 'ENOENT') throw error
  }
  const jwks = { keys: [await generateSigningKey()] }
  await mkdir(dirname(keysFile), { recursive: true })
  try {
    await writeFile(keysFile, `${JSON.stringify(jwks, null, 2)}\n`, { flag: 'wx', mode: 0o600 })
    return jwks
  } catch (error) {
    // Another process (a parallel test worker) wrote it first: use that one so both agree.
    if (isErrnoException(error) && error.code === 'EEXIST') return loadOrCreateSigningKeys(keysFile)
    throw error
  }
}

const isErrnoException = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && 'code' in error

// ---- storage ---------------------------------------------------------------------------------------

// Only tokens die with their grant: an Interaction carries a grantId too, but must survive the logout
// that oidc-provider runs in the middle of an account switch.
const GRANT_BOUND = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken'])

/** Per-provider in-memory storage (the built-in one is module-global and warns on every start). */
function createMemoryAdapter(): (model: string) => Adapter {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>()
  const sessionKeyByUid = new Map<string, string>()
  const keysByGrant = new Map<string, Set<string>>()
  const read = (key: string) => {
    const entry = entries.get(key)
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key)
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined
  }
  return (model) => {
    const keyOf = (id: string) => `${model}:${id}`
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id)
        entries.set(key, {
          payload,
          expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
        })
        if (model === 'Session' && payload.uid) sessionKeyByUid.set(payload.uid, key)
        const { grantId } = payload
        if (grantId && GRANT_BOUND.has(model))
          keysByGrant.set(grantId, (keysByGrant.get(grantId) ?? new Set()).add(key))
      },
      find: async (id) => read(keyOf(id)),
      findByUid: async (uid) => {
        const key = sessionKeyByUid.get(uid)
        return key === undefined ? undefined : read(key)
      },
      findByUserCode: async () => undefined,
      async consume(id) {
        const payload = read(keyOf(id))
        if (payload) payload.consumed = Math.floor(Date.now() / 1000)
      },
      async destroy(id) {
        entries.delete(keyOf(id))
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key)
        keysByGrant.delete(grantId)
      },
    }
  }
}

// ---- pages -----------------------------------------------------------------------------------------

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  })
  res.end(html)
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.4}' +
  'ul{list-style:none;padding:0}li{margin:.5rem 0}button{width:100%;text-align:left;padding:.6rem .8rem;' +
  'font:inherit;cursor:pointer}button span{display:block}.role{font-size:.9em;color:#444}' +
  '.en{font-size:.8em;color:#666}.cancel{width:auto;margin-top:1rem}'

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="hu">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>
`
}

function loginPage(uid: string, accounts: readonly DemoAccount[]): string {
  // The accessible name is exactly the full name (unique per account); the role is the description.
  const items = accounts.map((account, i) => {
    const id = `account-${i}`
    return `<li><button type="submit" name="account" value="${escapeHtml(account.subject)}" \
aria-labelledby="${id}-name" aria-describedby="${id}-role ${id}-en">\
<span id="${id}-name"><strong>${escapeHtml(demoFullName(account))}</strong></span>\
<span class="role" id="${id}-role">${escapeHtml(account.role.hu)}</span>\
<span class="en" id="${id}-en" lang="en">${escapeHtml(account.role.en)}</span></button></li>`
  })
  return page(
    'PéK fejlesztői bejelentkezés',
    `<h1>PéK fejlesztői bejelentkezés</h1>
<p lang="en">PéK development login: choose a demo account.</p>
<p>Ez a helyi OpenID szolgáltató az AuthSCH-t helyettesíti fejlesztéshez és tesztekhez.</p>
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<ul>
${items.join('\n')}
</ul>
<button type="submit" name="abort" value="1" class="cancel">Mégse</button>
</form>`,
  )
}

function logoutPage(form: string): string {
  // Submits itself so a logout flow needs no extra click; the buttons remain for no-JS browsers.
  return page(
    'Kijelentkezés',
    `<h1>Kijelentkezés</h1><p>Kijelentkezel a fejlesztői szolgáltatóból is?</p>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout-yes" autofocus>Igen</button>
<button type="submit" form="op.logoutForm">Nem</button>
<script>document.getElementById('logout-yes').click()</script>`,
  )
}

const errorPage = (message: string): string =>
  page('Hiba', `<h1>Hiba történt</h1><p>${escapeHtml(message)}</p>`)
