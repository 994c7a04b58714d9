// Zod 4 probes `new Function` when it builds its first object schema, to compile faster parsers.
// Our CSP has no 'unsafe-eval' (docs/decisions/0006-login-and-sessions.md), so the probe fails —
// harmlessly, but the browser still reports a CSP violation. `jitless` skips the probe. It must be set
// before any schema exists, and the bundler may run the app's schema modules before its entry code,
// so it is set here, in a module script that precedes the app's (src/routes/__root.tsx), through the
// global zod reads its configuration from (what `z.config()` writes to).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true })
