// A TCP relay the test can pause: while paused, whatever the upstream sends is held back (the
// client sees a slow server, its requests stay in flight), and resume() delivers it. Used in front
// of the database to make the app's requests slow without any hook in the app.

import type { AddressInfo } from 'node:net'
import { connect, createServer, type Socket } from 'node:net'

export interface PausableProxy {
  port: number
  pause(): void
  resume(): void
  stop(): Promise<void>
}

export async function startPausableProxy(upstream: { host: string; port: number }): Promise<PausableProxy> {
  let paused = false
  const held: (() => void)[] = []
  const sockets = new Set<Socket>()

  const server = createServer((client) => {
    const remote = connect(upstream.port, upstream.host)
    for (const socket of [client, remote]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    client.on('error', () => remote.destroy())
    remote.on('error', () => client.destroy())
    client.on('data', (chunk) => remote.write(chunk))
    client.on('end', () => remote.end())
    remote.on('data', (chunk) => {
      if (paused) held.push(() => client.write(chunk))
      else client.write(chunk)
    })
    remote.on('end', () => {
      if (paused) held.push(() => client.end())
      else client.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  return {
    port: (server.address() as AddressInfo).port,
    pause: () => {
      paused = true
    },
    resume: () => {
      paused = false
      for (const deliver of held.splice(0)) deliver()
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
