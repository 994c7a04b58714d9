// What each semester entry point requires (src/server/auth/entry-point.ts). Anyone — anonymous
// visitors too — may know the current semester and period; changing them, scheduling switches,
// the caps and the switch log are the council leader's (`semester:admin`).
import { entryPoints, NoInput, requires } from '~/server/auth/entry-point'
import { CapsInput, ScheduleSwitchInput, SetCurrentInput, SwitchIdInput } from './semester.schema'

export const semesterEntries = entryPoints('semester', {
  current: requires('session:view', NoInput),
  log: requires('semester:admin', NoInput),
  setCurrent: requires('semester:admin', SetCurrentInput),
  scheduleSwitch: requires('semester:admin', ScheduleSwitchInput),
  cancelSwitch: requires('semester:admin', SwitchIdInput),
  updateCaps: requires('semester:admin', CapsInput),
})
