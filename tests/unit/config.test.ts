import { describe, expect, it } from 'vitest'
import { ConfigError, databaseUrlFrom, loadConfig } from '#config'

const valid = {
  PUBLIC_URL: 'https://pek.example',
  DATABASE_URL: 'postgres://pek@db:5432/pek',
  OIDC_ISSUER: 'https://auth.sch.example',
  OIDC_CLIENT_ID: 'pek',
  OIDC_CLIENT_SECRET: 'a-long-secret',
  SESSION_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
  SESSION_KEY_ID: 'k1',
}

function issuesOf(env: Record<string, string | undefined>) {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.issues
    throw error
  }
  return []
}

describe('app.config', () => {
  it('parses a complete environment with defaults', () => {
    const config = loadConfig(valid)
    expect(config.realmId).toBe('hub')
    expect(config.instanceRole).toBe('hub')
    expect(config.secureCookies).toBe(true)
    expect(config.oidc.redirectUri).toBe('https://pek.example/auth/callback')
    expect(config.session.ttlSeconds).toBe(12 * 3600)
  })

  it('names every missing variable', () => {
    const { DATABASE_URL: _, SESSION_KEY_ID: __, ...rest } = valid
    expect(issuesOf(rest)).toEqual([
      { variable: 'DATABASE_URL', message: 'is required' },
      { variable: 'SESSION_KEY_ID', message: 'is required' },
    ])
  })

  it('names malformed variables', () => {
    const issues = issuesOf({
      ...valid,
      DATABASE_URL: 'mysql://x',
      SESSION_TTL_HOURS: '48',
      REALM_ID: 'Hub!',
    })
    expect(issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'REALM_ID', 'SESSION_TTL_HOURS'])
    expect(new ConfigError(issues).message).toContain('DATABASE_URL')
  })

  it('allows an insecure (http) issuer only on loopback and never in production', () => {
    expect(issuesOf({ ...valid, OIDC_ISSUER: 'http://127.0.0.1:4455', OIDC_ALLOW_INSECURE: 'true' })).toEqual(
      [],
    )
    expect(
      issuesOf({ ...valid, OIDC_ISSUER: 'http://auth.example', OIDC_ALLOW_INSECURE: 'true' })[0]?.variable,
    ).toBe('OIDC_ALLOW_INSECURE')
    expect(
      issuesOf({
        ...valid,
        NODE_ENV: 'production',
        OIDC_ISSUER: 'http://localhost:1',
        OIDC_ALLOW_INSECURE: 'true',
      }),
    ).toHaveLength(1)
  })

  it('reads just the database URL for tools', () => {
    expect(databaseUrlFrom({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL)
    expect(() => databaseUrlFrom({})).toThrow(/DATABASE_URL: is required/)
  })
})
