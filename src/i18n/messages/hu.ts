// The source of truth for UI text. `as const` keeps the literal strings so `t()` can type the
// `{name}` placeholders of each message; en.ts must mirror these keys exactly (see `Messages`).
export const hu = {
  app: {
    name: 'PéK',
    fullName: 'Profil és Körök',
    tagline: 'A Schönherz Kollégium közösségi nyilvántartása',
  },
  nav: {
    home: 'Kezdőlap',
    groups: 'Körök',
    groupTree: 'Szervezeti fa',
    login: 'Bejelentkezés',
    logout: 'Kijelentkezés',
    profile: 'Profilom',
    menu: 'Menü',
    menuOpen: 'Menü megnyitása',
    menuClose: 'Menü bezárása',
    skipToContent: 'Ugrás a tartalomra',
    language: 'Nyelv',
    primary: 'Fő navigáció',
    signedInAs: 'Bejelentkezve: {name}',
  },
  common: {
    loading: 'Betöltés…',
    retry: 'Újrapróbálás',
    save: 'Mentés',
    saving: 'Mentés…',
    saved: 'A módosításokat elmentettük.',
    saveFailed: 'A mentés nem sikerült. Próbáld újra!',
    cancel: 'Mégse',
    close: 'Bezárás',
    search: 'Keresés',
    noResults: 'Nincs találat.',
    back: 'Vissza',
    yes: 'Igen',
    no: 'Nem',
    notifications: 'Értesítések',
    dismissNotification: 'Értesítés bezárása',
    errors: {
      '400': {
        title: 'Hibás kérés',
        message: 'A kérést nem tudtuk értelmezni. Ellenőrizd a megadott adatokat!',
      },
      '401': {
        title: 'Bejelentkezés szükséges',
        message: 'Az oldal megtekintéséhez be kell jelentkezned.',
      },
      '403': {
        title: 'Nincs jogosultságod',
        message: 'Ehhez az oldalhoz vagy művelethez nincs jogosultságod.',
      },
      '404': {
        title: 'Az oldal nem található',
        message: 'A keresett oldal nem létezik, vagy már nem érhető el.',
      },
      '500': {
        title: 'Váratlan hiba történt',
        message: 'Valami elromlott nálunk. Próbáld újra egy kicsit később!',
      },
    },
  },
  membership: {
    status: {
      PENDING: 'Jelentkező',
      NEWBIE: 'Újonc',
      ACTIVE: 'Aktív',
      FORMER: 'Öregtag',
      ARCHIVED: 'Archivált',
    },
    posts: {
      LEADER: 'Körvezető',
      DEPUTY: 'Körvezető-helyettes',
      EVALUATION_HELPER: 'Pontozó',
      FINANCIAL_OFFICER: 'Gazdaságis',
      FORMER_LEADER: 'Volt körvezető',
      NEWBIE: 'Újonc',
    },
  },
  home: {
    title: 'Üdv a PéK-ben!',
    intro:
      'Itt találod a Schönherz Kollégium köreit, reszortjait és csoportjait. Bejelentkezés után a tagokat is láthatod.',
    browseGroups: 'Körök böngészése',
    openTree: 'Szervezeti fa megnyitása',
  },
  auth: {
    loginError: {
      title: 'A bejelentkezés nem sikerült',
      expired: 'A bejelentkezés túl sokáig tartott, vagy megszakadt. Kezdd újra!',
      denied: 'A bejelentkezést megszakítottad.',
      failed: 'Az azonosító szolgáltató válaszát nem tudtuk ellenőrizni. Próbáld újra!',
      retry: 'Újra bejelentkezem',
    },
  },
  group: {
    directory: {
      title: 'Körök',
      description: 'A kollégium körei, reszortjai és egyéb csoportjai.',
      empty: 'Nincs a szűrésnek megfelelő kör.',
    },
    tabs: {
      label: 'Körlisták',
      active: 'Aktív körök',
      all: 'Összes kör',
      tree: 'Szervezeti fa',
    },
    filter: {
      label: 'Szűrés név alapján',
      placeholder: 'Kör neve…',
    },
    columns: {
      name: 'Név',
      purpose: 'Típus',
      parent: 'Szülőcsoport',
      members: 'Tagok',
    },
    purposes: {
      CIRCLE: 'Kör',
      RESORT: 'Reszort',
      COMMITTEE: 'Bizottság',
      EVENT: 'Rendezvény',
      SPORT: 'Sportkör',
      PROFESSIONAL: 'Szakmai kör',
      FLOOR: 'Szint',
      SERVICE: 'Szolgáltatás',
      PROJECT: 'Projekt',
      YEAR_CLASS: 'Évfolyam',
      OTHER: 'Egyéb',
    },
    page: {
      parent: 'Szülőcsoport',
      subgroups: 'Alcsoportok',
      founded: 'Alapítás éve',
      webpage: 'Weboldal',
      mailingList: 'Levelezőlista',
      applications: 'Jelentkezés',
      acceptsApplicationsYes: 'Várja az új tagok jelentkezését',
      acceptsApplicationsNo: 'Jelenleg nem vesz fel új tagokat',
      archived: 'Archivált',
      leader: 'Körvezető',
      members: 'Tagok',
      activeMembers: 'Aktív tagok',
      posts: 'Posztok',
      memberSince: 'Tagság kezdete',
      noMembers: 'Ennek a körnek még nincsenek tagjai.',
      loginToSeeMembers: 'A tagok listáját bejelentkezés után láthatod.',
    },
    tree: {
      title: 'Szervezeti fa',
      expand: 'Kibontás',
      collapse: 'Összecsukás',
      expandNamed: '{name} kibontása',
      collapseNamed: '{name} összecsukása',
      expandAll: 'Összes kibontása',
      collapseAll: 'Összes összecsukása',
    },
  },
} as const

// Same shape as `hu`, every leaf widened to `string`: other locales must match it key for key.
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

export type Messages = Widen<typeof hu>
