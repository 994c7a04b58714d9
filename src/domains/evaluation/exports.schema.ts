// Inputs of the CSV exports (docs/decisions/0016-entry-review-history-exports.md). Client-safe.
import { z } from 'zod'
import { SemesterId } from '~/domains/semester/semester-id'

/** The semester to export (either form); when omitted, the one the quiet period closed. */
export const ExportInput = z.object({ semester: SemesterId.optional() })
export type ExportInput = z.input<typeof ExportInput>

/** Active users belong to no semester: the request may name none. */
export const ActiveUsersExportInput = z.object({}).optional()
export type ActiveUsersExportInput = z.input<typeof ActiveUsersExportInput>
