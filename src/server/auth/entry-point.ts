// Entry points: what each server function and tRPC procedure requires, declared once per domain in
// `<domain>.entries.ts` and listed together in src/domains/entry-points.ts, where a test can see
// them all (docs/decisions/0012-entry-point-registry.md). Client-safe: schemas and targets only.
import { z } from 'zod'
import { ANY_TARGET, type Scope, type Target } from './scopes'

/** A scope answered without refusing the call: on the entry's target, or `on` a target of its own. */
export type Reveal = Scope | { readonly scope: Scope; readonly on: Target }

export interface EntryPoint<S extends z.ZodType = z.ZodType> {
  /** `<domain>.<operation>`, unique across the app. */
  readonly name: string
  /** The scope the caller must hold on the target. */
  readonly scope: Scope
  /** Parses the raw input: a failure is a 400 with field messages. */
  readonly input: S
  /** What the scope is checked on, read from the parsed input. */
  readonly target: (input: z.output<S>) => Target
  /** Further scopes decided without refusing the call (`context.granted`), in the same decision. */
  readonly reveal: readonly Reveal[]
  /**
   * Counted against the search rate limit (src/server/http/rate-limit.ts). Writes need no mark:
   * every non-GET call counts as one.
   */
  readonly search?: true
}

type Unnamed<S extends z.ZodType> = Omit<EntryPoint<S>, 'name'>

/** For entry points that take nothing: `{}` or no input at all. */
export const NoInput = z.object({}).strict().optional()

/** Declares one entry point; the name comes from its key in `entryPoints`. */
export function requires<S extends z.ZodType>(
  scope: Scope,
  input: S,
  target: (input: z.output<S>) => Target = () => ANY_TARGET,
  options: { reveal?: readonly Reveal[]; search?: true } = {},
): Unnamed<S> {
  return { scope, input, target, reveal: options.reveal ?? [], ...(options.search ? { search: true } : {}) }
}

/** A domain's entry points, each named `<domain>.<key>`. */
export function entryPoints<E extends Record<string, Unnamed<z.ZodType>>>(
  domain: string,
  entries: E,
): { readonly [K in keyof E]: E[K] & { readonly name: string } } {
  return Object.fromEntries(
    Object.entries(entries).map(([key, entry]) => [key, { ...entry, name: `${domain}.${key}` }]),
  ) as { readonly [K in keyof E]: E[K] & { readonly name: string } }
}
