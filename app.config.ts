// The application's typed configuration. The environment is parsed here, once, with zod;
// nothing else in the codebase reads process.env. See docs/decisions/0004-configuration.md.
import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1')

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])
export const isLoopbackUrl = (url: string) => loopbackHosts.has(new URL(url).hostname)

const pem = z
  .string()
  .refine((v) => v.includes('-----BEGIN PRIVATE KEY-----'), 'must be a PKCS#8 PEM private key')

const publicPem = z
  .string()
  .refine(
    (v) => v.includes('-----BEGIN PUBLIC KEY-----'),
    'must be an SPKI PEM public key (openssl pkey -pubout)',
  )

/** A JSON array on one line: [{"kid":"…","publicKey":"-----BEGIN PUBLIC KEY-----\n…"}] (.env.example). */
const previousKeys = z
  .string()
  .default('[]')
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {"kid", "publicKey"}' })
      return z.NEVER
    }
  })
  .pipe(
    z
      .array(z.strictObject({ kid: z.string().min(1).max(64), publicKey: publicPem }), {
        message: 'must be a JSON array of {"kid", "publicKey"}',
      })
      .max(10),
  )

const envObject = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  REALM_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,31}$/, 'must be a lower-case realm id like "hub"')
    .default('hub'),
  INSTANCE_ROLE: z.enum(['hub', 'worker']).default('hub'),
  PUBLIC_URL: httpUrl,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  OIDC_ISSUER: httpUrl,
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(8),
  OIDC_SCOPES: z.string().default('openid profile email'),
  /** openid-client refuses http:// issuers; allowed only for a loopback dev/test issuer. */
  OIDC_ALLOW_INSECURE: bool.default(false),
  SESSION_SIGNING_KEY: pem,
  SESSION_KEY_ID: z.string().min(1).max(64),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(12).default(12),
  /** Public keys of retired signing keys, still accepted until their tokens expire (key rotation). */
  SESSION_PREVIOUS_KEYS: previousKeys,
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Seconds an OpenID provider call (discovery, token, keys) may take before the login gives up. */
  OIDC_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /**
   * The port of the separate /metrics listener (Prometheus); unset, there is none. Never the public
   * port: the metrics are protected by not being reachable from outside (docs/decisions/0019).
   */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address the metrics listener binds: loopback unless a scraper elsewhere must reach it. */
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** On SIGTERM, how long in-flight requests may take before the server stops anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  /** How many reverse proxies in front append to X-Forwarded-For; 0 = use the socket's address. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Login starts and callbacks per client address per minute. */
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Searches per user per minute (anonymous callers: per address, times RATE_LIMIT_IP_FACTOR). */
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Writes (POST server functions) per user per minute. */
  RATE_LIMIT_WRITE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** A client address may make this many times a user's search and write limits (people behind one NAT). */
  RATE_LIMIT_IP_FACTOR: z.coerce.number().int().min(1).max(1000).default(10),
  /** The folder profile photos are stored in (src/server/storage), relative to the working directory. */
  PHOTO_STORAGE_DIR: z.string().trim().min(1).default('.data/photos'),
})

export const envSchema = envObject.superRefine((env, ctx) => {
  if (env.OIDC_ALLOW_INSECURE && !isLoopbackUrl(env.OIDC_ISSUER)) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ALLOW_INSECURE'],
      message: 'may only be true for a loopback issuer (localhost / 127.0.0.1)',
    })
  }
  const kids = [env.SESSION_KEY_ID, ...env.SESSION_PREVIOUS_KEYS.map((k) => k.kid)]
  if (new Set(kids).size !== kids.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['SESSION_PREVIOUS_KEYS'],
      message: 'every kid must be unique and differ from SESSION_KEY_ID',
    })
  }
  if (env.METRICS_PORT === env.PORT) {
    ctx.addIssue({
      code: 'custom',
      path: ['METRICS_PORT'],
      message: 'must differ from PORT: the metrics are not for the public port',
    })
  }
  if (env.NODE_ENV === 'production' && env.OIDC_ALLOW_INSECURE) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_ALLOW_INSECURE'], message: 'must be false in production' })
  }
})

export type Env = z.infer<typeof envSchema>

export interface AppConfig {
  env: Env['NODE_ENV']
  realmId: string
  instanceRole: Env['INSTANCE_ROLE']
  publicUrl: URL
  port: number
  /** Whether the app is served over https: decides the `Secure` flag and `__Host-` cookie prefix. */
  secureCookies: boolean
  database: { url: string; poolSize: number }
  oidc: {
    issuer: string
    clientId: string
    clientSecret: string
    scopes: string
    redirectUri: string
    allowInsecure: boolean
    /** Seconds each call to the provider may take. */
    timeoutSeconds: number
  }
  session: {
    signingKeyPem: string
    keyId: string
    /** Verification-only keys of earlier signing keys (rotation by `kid`). */
    previousKeys: { keyId: string; publicKeyPem: string }[]
    /** Absolute lifetime of a session. */
    ttlSeconds: number
    /** A session ends after this long without a request. */
    idleSeconds: number
  }
  logLevel: Env['LOG_LEVEL']
  storage: { photoDir: string }
  /** The separate Prometheus listener; null when METRICS_PORT is unset. */
  metrics: { port: number; host: string } | null
  /** How long a SIGTERM waits for in-flight requests. */
  shutdownTimeoutMs: number
  /** Reverse proxies whose X-Forwarded-For entries are trusted (0: the socket address). */
  trustProxyHops: number
  /** Token buckets, per minute; see src/server/http/rate-limit.ts. */
  rateLimits: {
    loginPerMinute: number
    searchPerMinute: number
    writePerMinute: number
    ipFactor: number
  }
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}\nSee .env.example.`,
    )
    this.name = 'ConfigError'
  }
}

export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  // An empty variable counts as unset, so `FOO=` in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        variable: String(i.path[0] ?? '(environment)'),
        message: i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message,
      })),
    )
  }
  const env = parsed.data
  const publicUrl = new URL(env.PUBLIC_URL)
  return {
    env: env.NODE_ENV,
    realmId: env.REALM_ID,
    instanceRole: env.INSTANCE_ROLE,
    publicUrl,
    port: env.PORT,
    secureCookies: publicUrl.protocol === 'https:',
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    oidc: {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      scopes: env.OIDC_SCOPES,
      redirectUri: new URL('/auth/callback', publicUrl).toString(),
      allowInsecure: env.OIDC_ALLOW_INSECURE,
      timeoutSeconds: env.OIDC_TIMEOUT_SECONDS,
    },
    session: {
      signingKeyPem: env.SESSION_SIGNING_KEY,
      keyId: env.SESSION_KEY_ID,
      previousKeys: env.SESSION_PREVIOUS_KEYS.map((k) => ({ keyId: k.kid, publicKeyPem: k.publicKey })),
      ttlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600),
      idleSeconds: env.SESSION_IDLE_MINUTES * 60,
    },
    logLevel: env.LOG_LEVEL,
    storage: { photoDir: env.PHOTO_STORAGE_DIR },
    metrics: env.METRICS_PORT === undefined ? null : { port: env.METRICS_PORT, host: env.METRICS_HOST },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    rateLimits: {
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      searchPerMinute: env.RATE_LIMIT_SEARCH_PER_MINUTE,
      writePerMinute: env.RATE_LIMIT_WRITE_PER_MINUTE,
      ipFactor: env.RATE_LIMIT_IP_FACTOR,
    },
  }
}

let cached: AppConfig | undefined

/** The process's configuration, parsed on first use; a bad environment throws ConfigError naming the variables. */
export function appConfig(): AppConfig {
  cached ??= loadConfig(process.env)
  return cached
}

/** Just the database URL, for tools (migrations, seed) that run without the rest of the app's configuration. */
export function databaseUrlFrom(source: Record<string, string | undefined>): string {
  const parsed = envObject.shape.DATABASE_URL.safeParse(source.DATABASE_URL || undefined)
  if (!parsed.success) {
    const message = source.DATABASE_URL ? (parsed.error.issues[0]?.message ?? 'is invalid') : 'is required'
    throw new ConfigError([{ variable: 'DATABASE_URL', message }])
  }
  return parsed.data
}
