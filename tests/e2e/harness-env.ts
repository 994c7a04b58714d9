// What the end-to-end harness reads from its own environment, for the servers it starts
// (./server.ts, ./operations.spec.ts and its ./operations-environment.ts): where to create fresh
// databases, and PATH and HOME, passed on to the children (pnpm build, tsx); nothing else of ours
// leaks into an app.
import { z } from 'zod'

export const harness = z
  .object({
    TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    PATH: z.string().optional(),
    HOME: z.string().optional(),
  })
  .parse({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || undefined,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
  })

/** PATH and HOME, where set: the environment a child process starts from. */
export const basics: Record<string, string> = Object.fromEntries(
  Object.entries({ PATH: harness.PATH, HOME: harness.HOME }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  ),
)
