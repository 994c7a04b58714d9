#!/bin/sh
# The image's entrypoint (Dockerfile; docs/operations.md):
#   migrate             apply pending migrations to DATABASE_URL and exit (the explicit step)
#   (anything else)     run it, by default the server; with MIGRATE_ON_START=true migrations first,
#                       and a failed migration stops the container instead of serving an old schema.
# `exec` hands PID 1 to the server, so it receives SIGTERM itself (graceful shutdown).
set -eu

if [ "${1:-}" = migrate ]; then
  shift
  exec node dist/db-migrate.mjs "$@"
fi

if [ "${MIGRATE_ON_START:-false}" = true ]; then
  node dist/db-migrate.mjs
fi

exec "$@"
