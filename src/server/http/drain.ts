// Graceful shutdown of one HTTP server (docs/decisions/0019): stop accepting at once, let the
// requests under way finish, and cut what is left at the deadline. Node's close() alone keeps a
// keep-alive connection open until its idle timeout even after its last response, so idle
// connections are closed as they appear.
import type { Server } from 'node:http'

const IDLE_SWEEP_MS = 50

/** Resolves true when every request finished before the deadline, false when some were cut. */
export async function drainHttpServer(server: Server, deadlineMs: number): Promise<boolean> {
  // The callback's error only says the server was not listening: closed either way.
  const closed = new Promise<true>((resolve) => server.close(() => resolve(true)))
  const idleSweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs)
  })
  try {
    const inTime = await Promise.race([closed, deadline])
    if (!inTime) {
      server.closeAllConnections()
      await closed
    }
    return inTime
  } finally {
    clearInterval(idleSweep)
    clearTimeout(timer)
  }
}
