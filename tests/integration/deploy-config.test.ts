// Keeps the deployment files in step with app.config.ts (docs/decisions/0007-container-and-compose.md):
// .env.example documents exactly the variables the app reads, the compose `app` service sets every
// required one and nothing the app does not read, and the image runs as a non-root user with a
// readiness health check.
import { readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { envSchema } from '../../app.config'

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
  const services = (compose as { services?: Record<string, { environment?: unknown }> }).services ?? {}
  const app = services.app
  const environment = toEnvMap(app?.environment)

  it('has an app service with an environment', () => {
    expect(app).toBeDefined()
    expect(Object.keys(environment).length).toBeGreaterThan(0)
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

  it('has a final stage', () => {
    expect(stages.length).toBeGreaterThan(1)
    expect(final[0]?.instruction).toBe('FROM')
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
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', '.git', '.data', 'dist']))
  })
})

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
