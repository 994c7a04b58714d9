// Who may download the CSV exports (docs/decisions/0016-entry-review-history-exports.md):
// `semester:admin` on anything — the council leader's grant (docs/policies.md: "Switch semesters and
// periods, export CSVs"). Served by plain server routes under src/routes/api/exports/.
import { entryPoints, requires } from '~/server/auth/entry-point'
import { ANY_TARGET } from '~/server/auth/scopes'
import { ActiveUsersExportInput, ExportInput } from './exports.schema'

export const exportEntries = entryPoints('exports', {
  communityPoints: requires('semester:admin', ExportInput, () => ANY_TARGET),
  coloredCards: requires('semester:admin', ExportInput, () => ANY_TARGET),
  activeUsers: requires('semester:admin', ActiveUsersExportInput, () => ANY_TARGET),
})
