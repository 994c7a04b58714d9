// The process-wide container: built once, on first use, from the parsed configuration.
import 'reflect-metadata'
import { type DependencyContainer, container as rootContainer } from 'tsyringe'
import { appConfig } from '#config'
import { createPrismaClient } from '../db/client'
import { registerHubModule } from './hub-module'

let app: DependencyContainer | undefined

export function getAppContainer(): DependencyContainer {
  if (!app) {
    const config = appConfig()
    app = registerHubModule(rootContainer.createChildContainer(), {
      config,
      prisma: createPrismaClient(config.database),
    })
  }
  return app
}
