// tRPC over the semester service: the same entry points as the server functions.
import { guardedProcedure, router } from '~/server/trpc/init'
import { semesterEntries as entries } from './semester.entries'
import { SemesterService } from './semester.service'

const semesters = SemesterService

export const semesterRouter = router({
  current: guardedProcedure(entries.current).query(({ ctx }) => ctx.services.resolve(semesters).state()),
  log: guardedProcedure(entries.log).query(({ ctx }) => ctx.services.resolve(semesters).log()),
  setCurrent: guardedProcedure(entries.setCurrent).mutation(({ input, ctx }) =>
    ctx.services.resolve(semesters).setCurrent(input),
  ),
  scheduleSwitch: guardedProcedure(entries.scheduleSwitch).mutation(({ input, ctx }) =>
    ctx.services.resolve(semesters).schedule(input),
  ),
  cancelSwitch: guardedProcedure(entries.cancelSwitch).mutation(({ input, ctx }) =>
    ctx.services.resolve(semesters).cancel(input),
  ),
  updateCaps: guardedProcedure(entries.updateCaps).mutation(({ input, ctx }) =>
    ctx.services.resolve(semesters).updateCaps(input),
  ),
})
