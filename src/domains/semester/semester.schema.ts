// Inputs and outputs of the semester domain: the current semester and period, switches (now or
// scheduled) and the evaluation caps. Client-safe. Messages are stable codes the UI translates.
import { z } from 'zod'
import { SemesterPeriod, SemesterSwitchStatus } from '~/generated/prisma/enums'
import { Id } from '~/shared/ids'
import { capsProblem } from './caps'
import { SemesterId } from './semester-id'

export const PeriodSchema = z.enum(SemesterPeriod, { error: 'invalid' })
export type Period = z.infer<typeof PeriodSchema>

/** Make this the current semester and period, now. */
export const SetCurrentInput = z.object({ semester: SemesterId, period: PeriodSchema })
export type SetCurrentInput = z.input<typeof SetCurrentInput>

/** A moment as a Date or an ISO 8601 text with its offset (`2027-02-01T00:00:00+01:00`). */
const Instant = z
  .union([z.date({ error: 'invalid' }), z.iso.datetime({ offset: true, error: 'invalid' })], {
    error: 'invalid',
  })
  .transform((value) => new Date(value))

/** Switch to `semester` and `period` at `at` (in the future; the service checks against its clock). */
export const ScheduleSwitchInput = SetCurrentInput.extend({ at: Instant })
export type ScheduleSwitchInput = z.input<typeof ScheduleSwitchInput>

export const SwitchIdInput = z.object({ switchId: Id })
export type SwitchIdInput = z.input<typeof SwitchIdInput>

const Cap = z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(1000, {
  error: 'invalid',
})

/** The evaluation caps of caps.ts (EvaluationCaps), as stored and shown. */
const Caps = z.object({
  work: Cap,
  responsibility: Cap,
  total: Cap,
  zeroTotalsUpTo: Cap,
  minimumTotal: Cap,
})

/** The evaluation caps and the community points cap, edited together. */
export const CapsInput = Caps.extend({ communityPointsCap: Cap }).superRefine((caps, ctx) => {
  const problem = capsProblem(caps)
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code })
})
export type CapsInput = z.input<typeof CapsInput>

/** A switch that has not happened yet. */
export const UpcomingSwitch = z.object({
  id: z.number(),
  at: z.date(),
  semester: z.string(),
  period: PeriodSchema,
})
export type UpcomingSwitch = z.infer<typeof UpcomingSwitch>

/** What anyone may know: the current semester (both forms), the period, the caps, what comes next. */
export const SemesterState = z.object({
  semester: z.string(),
  /** The same semester in the legacy 9-digit form, for systems that expect it. */
  legacySemester: z.string(),
  period: PeriodSchema,
  caps: Caps,
  communityPointsCap: z.number(),
  /** Scheduled switches, soonest first. */
  upcoming: z.array(UpcomingSwitch),
})
export type SemesterState = z.infer<typeof SemesterState>

const Person = z.object({ id: z.number(), name: z.string() }).nullable()

/** One row of the switch log, for the council leader's screen. */
export const SwitchLogEntry = UpcomingSwitch.extend({
  status: z.enum(SemesterSwitchStatus),
  createdAt: z.date(),
  createdBy: Person,
  doneAt: z.date().nullable(),
  /** What the switch replaced, once done. */
  from: z.object({ semester: z.string(), period: PeriodSchema }).nullable(),
  cancelledAt: z.date().nullable(),
  cancelledBy: Person,
})
export type SwitchLogEntry = z.infer<typeof SwitchLogEntry>

/** Every scheduled switch (soonest first) and the latest done or cancelled ones (newest first). */
export const SwitchLog = z.object({ upcoming: z.array(SwitchLogEntry), past: z.array(SwitchLogEntry) })
export type SwitchLog = z.infer<typeof SwitchLog>
