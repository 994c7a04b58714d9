import { describe, expect, it } from 'vitest'
import { HubPolicyResolver } from '~/server/auth/policy-resolver'
import { ANY_TARGET, groupTarget, userTarget } from '~/server/auth/scopes'

const resolver = new HubPolicyResolver()
const anna = { kind: 'user' as const, userId: 1, sessionId: 's' }

describe('HubPolicyResolver (the stand-in until the policy engine)', () => {
  it('lets anonymous visitors see the directory and nothing else', async () => {
    const anonymous = { kind: 'anonymous' as const }
    expect(await resolver.can(anonymous, 'group:view', groupTarget(1))).toBe(true)
    expect(await resolver.can(anonymous, 'group:view-members', groupTarget(1))).toBe(false)
    expect(await resolver.can(anonymous, 'user:view-basic', userTarget(1))).toBe(false)
  })

  it('gives a user the full profile and edit rights on their own account only', async () => {
    expect(await resolver.can(anna, 'user:edit', userTarget(1))).toBe(true)
    expect(await resolver.can(anna, 'user:view-profile', userTarget(1))).toBe(true)
    expect(await resolver.can(anna, 'user:edit', userTarget(2))).toBe(false)
    expect(await resolver.can(anna, 'user:view-profile', userTarget(2))).toBe(false)
    expect(await resolver.can(anna, 'user:view-profile', ANY_TARGET)).toBe(false)
    expect(await resolver.can(anna, 'user:admin', userTarget(1))).toBe(false)
  })
})
