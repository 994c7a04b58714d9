// What a seeded person of the dormitory looks like, in the demo dataset and the bench's alike: the
// screen name they chose and their profile's details, drawn from the caller's seeded random in a
// fixed order (the same seed gives the same people).
import { normalizeForSearch } from '~/domains/user/search-text'
import type { Column } from './bulk-insert'
import type { Random } from './random'

export interface ResidentDetails {
  nickname: string | null
  room: string
  cellPhone: string
  emailPublic: boolean
  roomPublic: boolean
}

const DORMITORY_ROOMS = { min: 101, max: 1820 }

/** The screen name a seeded user chose: the letters of the first name, then the user's id. */
export const seededScreenName = (firstName: string, id: number) =>
  `${normalizeForSearch(firstName).replace(/[^a-z]/g, '')}${id}`

export function residentDetails(rng: Random, firstName: string): ResidentDetails {
  return {
    nickname: rng.chance(0.2) ? `${firstName.slice(0, 3)}csi` : null,
    room: String(rng.int(DORMITORY_ROOMS.min, DORMITORY_ROOMS.max)),
    cellPhone: `+3630${String(rng.int(1_000_000, 9_999_999))}`,
    emailPublic: rng.chance(0.5),
    roomPublic: rng.chance(0.8),
  }
}

/** What a seeded resident's Profile row is written from: the user's id, names and search texts too. */
export interface ResidentProfile extends ResidentDetails {
  id: number
  firstName: string
  lastName: string
  searchPublic: string
  searchFull: string
}

/** The Profile columns of a bulk insert (./bulk-insert.ts): everyone lives in the Schönherz. */
export const profileColumns = (updatedAt: () => Date): Column<ResidentProfile>[] => [
  { name: 'userId', type: 'int', value: (u) => u.id },
  { name: 'dormitory', type: '"Dormitory"', value: () => 'SCHONHERZ' },
  { name: 'firstName', type: 'text', value: (u) => u.firstName },
  { name: 'lastName', type: 'text', value: (u) => u.lastName },
  { name: 'nickname', type: 'text', value: (u) => u.nickname },
  { name: 'room', type: 'text', value: (u) => u.room },
  { name: 'cellPhone', type: 'text', value: (u) => u.cellPhone },
  { name: 'emailPublic', type: 'boolean', value: (u) => u.emailPublic },
  { name: 'roomPublic', type: 'boolean', value: (u) => u.roomPublic },
  { name: 'searchPublic', type: 'text', value: (u) => u.searchPublic },
  { name: 'searchFull', type: 'text', value: (u) => u.searchFull },
  { name: 'updatedAt', type: 'timestamp(3)', value: updatedAt },
]
