// A server in a process of its own (the app, the floors): started with an explicit environment,
// ready when `readyPath` answers 200, its resident memory sampled from /proc while it runs.
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'

export interface ServerProcess {
  url: string
  pid: number
  /** The largest resident set (MB) seen since the last call (or the start), then sampling goes on. */
  takePeakRssMb(): number
  /** The largest resident set (MB) seen over the whole run. */
  peakRssMb(): number
  /** CPU time (user + system, ms) the process has used so far. */
  cpuMs(): number
  stop(): Promise<void>
}

/** VmRSS of a Linux process in MB, or NaN where /proc is not there. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** utime + stime of a Linux process in ms (clock ticks of 10 ms), or NaN where /proc is not there. */
function cpuMs(pid: number): number {
  try {
    // The fields after the command name (which may hold spaces), from its closing parenthesis on.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

const SAMPLE_MS = 100

export async function startServerProcess(o: {
  name: string
  args: string[]
  env: Record<string, string>
  port: number
  readyPath: string
  logFile: string
}): Promise<ServerProcess> {
  const log = openSync(o.logFile, 'w')
  const child: ChildProcess = spawn(process.execPath, o.args, { env: o.env, stdio: ['ignore', log, log] })
  closeSync(log)
  const pid = child.pid
  if (pid === undefined) throw new Error(`${o.name} did not start`)
  const url = `http://127.0.0.1:${o.port}`
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  let phasePeak = 0
  let runPeak = 0
  const sampler = setInterval(() => {
    const mb = rssMb(pid)
    if (mb > phasePeak) phasePeak = mb
    if (mb > runPeak) runPeak = mb
  }, SAMPLE_MS)
  sampler.unref()
  const stop = async () => {
    clearInterval(sampler)
    if (exited) return
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await gone
    clearTimeout(timer)
  }
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exited) throw new Error(`${o.name} exited before it was ready: see ${o.logFile}`)
    const ready = await fetch(url + o.readyPath).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${o.name} was not ready within a minute: see ${o.logFile}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    pid,
    takePeakRssMb: () => {
      const peak = Math.max(phasePeak, rssMb(pid) || 0)
      phasePeak = 0
      return peak
    },
    peakRssMb: () => Math.max(runPeak, rssMb(pid) || 0),
    cpuMs: () => cpuMs(pid),
    stop,
  }
}
