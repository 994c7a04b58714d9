import { afterAll, describe, expect, it } from 'vitest'
import { SERVICES, verifyServices } from '~/server/di/hub-module'
import { CONFIG, PRISMA, REALM_ID } from '~/server/di/tokens'
import { createTestApp } from '../support/app'

const t = createTestApp({ REALM_ID: 'hub' })
afterAll(t.close)

describe('hub module', () => {
  it('resolves every registered service in a request scope', () => {
    expect(verifyServices(t.app)).toEqual(SERVICES.map((s) => s.name))
  })

  it('binds the realm from the configuration, not from a literal', () => {
    const worker = createTestApp({ REALM_ID: 'dept-vik' })
    expect(worker.app.resolve(REALM_ID)).toBe('dept-vik')
    expect(worker.app.resolve(CONFIG)).toBe(worker.config)
    expect(worker.app.resolve(PRISMA)).not.toBe(t.app.resolve(PRISMA))
    return worker.close()
  })
})
