// Demo identities for the local OpenID provider and for the seed, which creates a matching user for
// each one. Plain data on purpose: the seed must be able to import it without pulling in oidc-provider.

export type DemoRoleKey = 'student' | 'leader' | 'resort' | 'council' | 'admin' | 'newcomer'

export interface DemoAccount {
  /** The OIDC `sub`: stable, so the seeded user and a dev login always line up. */
  readonly subject: string
  readonly givenName: string
  readonly familyName: string
  readonly email: string
  /** Six upper-case letters/digits, like a real Neptun code. */
  readonly neptun: string
  readonly role: { readonly key: DemoRoleKey; readonly hu: string; readonly en: string }
}

// Addresses use the reserved `.example` domain so no mail can ever reach a real person.
export const DEMO_ACCOUNTS = [
  {
    subject: 'demo-anna',
    givenName: 'Anna',
    familyName: 'Kovács',
    email: 'kovacs.anna@pek.example',
    neptun: 'KOVAN1',
    role: {
      key: 'student',
      hu: 'Átlagos hallgató, néhány kör tagja',
      en: 'Ordinary student, member of a few groups',
    },
  },
  {
    subject: 'demo-bence',
    givenName: 'Bence',
    familyName: 'Nagy',
    email: 'nagy.bence@pek.example',
    neptun: 'NAGBE2',
    role: { key: 'leader', hu: 'Egy kör körvezetője', en: 'Group leader of a circle' },
  },
  {
    subject: 'demo-csilla',
    givenName: 'Csilla',
    familyName: 'Szabó',
    email: 'szabo.csilla@pek.example',
    neptun: 'SZACS3',
    role: { key: 'resort', hu: 'Reszortvezető', en: 'Resort leader' },
  },
  {
    subject: 'demo-daniel',
    givenName: 'Dániel',
    familyName: 'Tóth',
    email: 'toth.daniel@pek.example',
    neptun: 'TOTDA4',
    role: { key: 'council', hu: 'Az RVT elnöke', en: 'Leader of the RVT (council of resort leaders)' },
  },
  {
    subject: 'demo-eszter',
    givenName: 'Eszter',
    familyName: 'Varga',
    email: 'varga.eszter@pek.example',
    neptun: 'VARES5',
    role: { key: 'admin', hu: 'PéK-adminisztrátor', en: 'PéK administrator' },
  },
  {
    subject: 'demo-ferenc',
    givenName: 'Ferenc',
    familyName: 'Kiss',
    email: 'kiss.ferenc@pek.example',
    neptun: 'KISFE6',
    role: {
      key: 'newcomer',
      hu: 'Új felhasználó: még sosem lépett be, nincs tagsága',
      en: 'Newcomer: never logged in before, no memberships',
    },
  },
] as const satisfies readonly DemoAccount[]

export type DemoSubject = (typeof DEMO_ACCOUNTS)[number]['subject']

/** Hungarian name order (family name first), as AuthSCH shows it. */
export const demoFullName = (account: DemoAccount): string => `${account.familyName} ${account.givenName}`
