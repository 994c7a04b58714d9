// The V8 heap settings the production server runs with (issue 8, docs/performance.md). The
// Dockerfile's CMD and `pnpm start` pass exactly these (tests/integration/deploy-config.test.ts
// checks), and `pnpm bench` starts the app with them.
//
// --max-semi-space-size: a young generation of up to 2 × 32 MB instead of 2 × 16: a request's
//   short-lived objects die there instead of being promoted, fewer scavenges and old-space GCs.
// --heap-growing-percent: after a full GC the old space may grow to twice the live size, not the
//   up-to-four times V8 picks while collection is cheap. Live data is about 100 MB under load, so
//   the process stays near 300 MB instead of 500; it is a growth factor, not a cap, so a large
//   export still gets the memory it needs.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=100']
