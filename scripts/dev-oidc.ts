// Runs the dev OpenID provider on its own, for trying the login by hand:
//   pnpm tsx scripts/dev-oidc.ts [--port 4455] [--client-id pek-dev] [--client-secret ...]
//     [--redirect-uri http://localhost:3000/auth/callback]... [--post-logout-redirect-uri ...]...
//     [--keys-file .data/dev-oidc-keys.json]
// PORT in the environment is honoured when --port is not given.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { claimsFor } from '../src/server/auth/dev-oidc/claims'
import { DEMO_ACCOUNTS } from '../src/server/auth/dev-oidc/demo-accounts'
import { startDevOidcServer } from '../src/server/auth/dev-oidc/server'

const port = z.coerce.number().int().min(0).max(65535)

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string' },
    'client-id': { type: 'string', default: 'pek-dev' },
    'client-secret': { type: 'string', default: 'pek-dev-secret-not-for-production' },
    'redirect-uri': { type: 'string', multiple: true, default: ['http://localhost:3000/auth/callback'] },
    'post-logout-redirect-uri': { type: 'string', multiple: true, default: ['http://localhost:3000/'] },
    'keys-file': { type: 'string', default: '.data/dev-oidc-keys.json' },
  },
  strict: true,
})

const env = z.object({ PORT: port.optional() }).parse(process.env)

const server = await startDevOidcServer({
  port: flags.port === undefined ? (env.PORT ?? 4455) : port.parse(flags.port),
  client: {
    clientId: flags['client-id'],
    clientSecret: flags['client-secret'],
    redirectUris: flags['redirect-uri'],
    postLogoutRedirectUris: flags['post-logout-redirect-uri'],
  },
  keysFile: flags['keys-file'],
})

console.log(`Dev OpenID provider (stands in for AuthSCH): ${server.issuer}`)
console.log(`  discovery: ${server.issuer}/.well-known/openid-configuration`)
console.log(`  client:    ${flags['client-id']} (redirect: ${flags['redirect-uri'].join(', ')})`)
console.log(`  app env:   OIDC_ISSUER=${server.issuer} OIDC_ALLOW_INSECURE=true`)
console.log('Demo accounts:')
for (const account of DEMO_ACCOUNTS) {
  const claims = claimsFor(account)
  console.log(`  ${claims.sub.padEnd(12)} ${claims.name.padEnd(14)} ${claims.neptun}  ${account.role.hu}`)
}

const shutdown = () => {
  void server.stop().then(() => process.exit(0))
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
