// The metrics listener's one answer (scripts/start.mjs serves it on METRICS_PORT): GET /metrics in
// Prometheus' text format; anything else is a 404.
import { metricsRegistry } from './metrics'

export async function metricsFetch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (pathname !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } })
  }
  return new Response(await metricsRegistry.metrics(), {
    headers: { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' },
  })
}
