// Start's global middleware. Having this file disables Start's automatic CSRF middleware, so
// ours is installed here explicitly (a test proves a cross-site POST gets 403).
import { createStart } from '@tanstack/react-start'
import { bodyLimit } from './server/http/body-limit'
import { csrf, errorMapping, requestContext } from './server/http/middleware'
import { publicErrorAdapter } from './shared/public-error'

export const startInstance = createStart(() => ({
  requestMiddleware: [requestContext, csrf, bodyLimit],
  functionMiddleware: [errorMapping],
  serializationAdapters: [publicErrorAdapter],
}))
