import { afterAll, describe, expect, it } from 'vitest'
import { UserService } from '~/domains/user/user.service'
import { createTestApp } from '../support/app'

const t = createTestApp()
afterAll(t.close)

describe('UserService.recordLogin', () => {
  it('creates the user at first login and refreshes name and e-mail from the claims later', async () => {
    const subject = `login-${crypto.randomUUID()}`
    const users = t.app.resolve(UserService)
    const first = await users.recordLogin({
      subject,
      displayName: 'Kiss Ferenc',
      givenName: 'Ferenc',
      familyName: 'Kiss',
      email: 'kiss.ferenc@pek.example',
      neptun: 'KISFE6',
    })
    expect(first).toMatchObject({ displayName: 'Kiss Ferenc', screenName: null })

    const again = await users.recordLogin({
      subject,
      displayName: 'Kiss Ferenc Péter',
      givenName: 'Ferenc Péter',
      familyName: 'Kiss',
      email: 'ferenc@pek.example',
      neptun: null,
    })
    expect(again.id).toBe(first.id)
    const stored = await t.db.user.findUniqueOrThrow({
      where: { id_realmId: { id: first.id, realmId: 'hub' } },
      include: { profile: true },
    })
    expect(stored).toMatchObject({
      displayName: 'Kiss Ferenc Péter',
      email: 'ferenc@pek.example',
      neptun: null,
    })
    expect(stored.profile).toMatchObject({ firstName: 'Ferenc Péter', lastName: 'Kiss' })
    expect(stored.lastLoginAt).toBeInstanceOf(Date)
  })

  it('refuses malformed claims instead of storing them', async () => {
    await expect(
      t.app
        .resolve(UserService)
        .recordLogin({ subject: '', displayName: 'x', email: 'not-an-email', neptun: null }),
    ).rejects.toThrow()
  })
})
