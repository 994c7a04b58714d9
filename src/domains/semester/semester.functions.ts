// Server functions of semesters: guard + one service call each.
import { createServerFn } from '@tanstack/react-start'
import { authGuard } from '~/server/auth/guard'
import { semesterEntries as entries } from './semester.entries'
import { SemesterService } from './semester.service'

export const getSemesterState = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.current)])
  .handler(({ context }) => context.services.resolve(SemesterService).state())

export const getSemesterLog = createServerFn({ method: 'GET' })
  .middleware([authGuard(entries.log)])
  .handler(({ context }) => context.services.resolve(SemesterService).log())

export const setCurrentSemester = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.setCurrent)])
  .handler(({ data, context }) => context.services.resolve(SemesterService).setCurrent(data))

export const scheduleSemesterSwitch = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.scheduleSwitch)])
  .handler(({ data, context }) => context.services.resolve(SemesterService).schedule(data))

export const cancelSemesterSwitch = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.cancelSwitch)])
  .handler(({ data, context }) => context.services.resolve(SemesterService).cancel(data))

export const updateEvaluationCaps = createServerFn({ method: 'POST' })
  .middleware([authGuard(entries.updateCaps)])
  .handler(({ data, context }) => context.services.resolve(SemesterService).updateCaps(data))
