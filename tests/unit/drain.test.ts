// Graceful shutdown of an HTTP server: what a client sees when SIGTERM's drain starts while its
// request is under way (the built server's whole shutdown is in tests/e2e/operations.spec.ts).
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { drainHttpServer } from '~/server/http/drain'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections()
})

/** A server whose answers wait until the test releases them. */
async function slowServer() {
  const waiting: (() => void)[] = []
  const server = createServer((_req, res) => {
    waiting.push(() => res.end('done'))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const release = () => {
    for (const answer of waiting.splice(0)) answer()
  }
  const arrived = async (count: number) => {
    while (waiting.length < count) await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return { server, port, release, arrived }
}

/** A GET on a keep-alive connection; resolves with the status and body or rejects with the error code. */
function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', headers: { connection: 'keep-alive' } },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)))
    req.end()
  })
}

describe('drainHttpServer', () => {
  it('refuses new connections at once and lets the requests under way finish', async () => {
    const { server, port, release, arrived } = await slowServer()
    const underWay = [get(port), get(port)]
    await arrived(2)
    const drained = drainHttpServer(server, 5_000)
    await expect(get(port)).rejects.toThrow('ECONNREFUSED')
    release()
    expect(await Promise.all(underWay)).toEqual([
      { status: 200, body: 'done' },
      { status: 200, body: 'done' },
    ])
    const started = Date.now()
    expect(await drained).toBe(true)
    // The finished keep-alive connections are closed, not left to their 5 s idle timeout.
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('cuts the requests still running at the deadline', async () => {
    const { server, port, arrived } = await slowServer()
    const stuck = get(port)
    await arrived(1)
    const started = Date.now()
    expect(await drainHttpServer(server, 300)).toBe(false)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    await expect(stuck).rejects.toThrow('ECONNRESET')
  })
})
