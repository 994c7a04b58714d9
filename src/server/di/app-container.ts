// The process-wide container: built once, on first use, from the parsed configuration. Building it
// also starts the process's background jobs (the semester scheduler, ADR 0014): whichever serves
// the app — `pnpm start` at boot, `pnpm dev` on the first request — runs them; tests build their
// own containers (tests/support/app.ts) and run none.
import 'reflect-metadata'
import { type DependencyContainer, container as rootContainer } from 'tsyringe'
import { appConfig } from '#config'
import { type SemesterScheduler, semesterScheduler } from '~/domains/semester/semester-scheduler'
import { createRealmClient } from '../db/client'
import { registerHubModule } from './hub-module'

let app: DependencyContainer | undefined
let scheduler: SemesterScheduler | undefined

export function getAppContainer(): DependencyContainer {
  if (!app) {
    const config = appConfig()
    app = registerHubModule(rootContainer.createChildContainer(), {
      config,
      prisma: createRealmClient(config.database, config.realmId),
    })
    scheduler = semesterScheduler(app).start()
  }
  return app
}

/** Stops the background jobs (waiting for one under way), e.g. before the process exits. */
export async function stopBackgroundJobs(): Promise<void> {
  await scheduler?.stop()
}
