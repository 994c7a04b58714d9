// A deliberately minimal OpenID provider for the checks the real one never fails: its token endpoint
// answers with an ID token whose issuer, audience and nonce the test chooses. Discovery and keys are
// genuine, so openid-client runs every check it runs against AuthSCH.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

export interface IdTokenClaims {
  iss: string
  aud: string | string[]
  nonce: string
  sub: string
}

export interface FakeOidcServer {
  issuer: string
  /** The claims of the next token the token endpoint issues. */
  nextIdToken(claims: IdTokenClaims): void
  stop(): Promise<void>
}

const KID = 'fake-1'

export async function startFakeOidcServer(): Promise<FakeOidcServer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] }
  let next: IdTokenClaims | undefined
  let issuer = ''

  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    const path = new URL(req.url ?? '/', issuer).pathname
    if (path === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      })
    }
    if (path === '/jwks') return send(200, jwks)
    if (path === '/token' && req.method === 'POST') {
      const claims = next
      next = undefined
      if (!claims) return send(400, { error: 'invalid_grant' })
      void new SignJWT({
        nonce: claims.nonce,
        name: 'Hamis Henrik',
        given_name: 'Henrik',
        family_name: 'Hamis',
      })
        .setProtectedHeader({ alg: 'RS256', kid: KID })
        .setIssuer(claims.iss)
        .setAudience(claims.aud)
        .setSubject(claims.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey)
        .then((idToken) =>
          send(200, { access_token: 'fake', token_type: 'Bearer', expires_in: 300, id_token: idToken }),
        )
      return
    }
    send(404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    issuer,
    nextIdToken: (claims) => {
      next = claims
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
