#!/usr/bin/env bash
# Backs up PéK's database with pg_dump (docs/operations.md, "Back up and restore").
#
#   DATABASE_URL=postgresql://… scripts/backup.sh [FILE]      # FILE: default pek-<UTC time>.dump; - = stdout
#
# The archive is pg_dump's custom format (compressed; scripts/restore.sh reads it): schema, data, the
# migrations' bookkeeping, row-level security policies and grants — everything but the roles, which
# belong to the server (restore.sh recreates the app's role). It is a consistent snapshot taken while
# the app keeps running. Use the pg_dump of the server's major version or newer (compose: the db-tools
# service). Profile photos are files, not rows: back up the photo folder (PHOTO_STORAGE_DIR) with it.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
out=${1:-pek-$(date -u +%Y%m%dT%H%M%SZ).dump}

if [ "$out" = - ]; then
  exec pg_dump --format=custom --dbname="$DATABASE_URL"
fi

# Written under a temporary name and renamed when complete, so a failed run never leaves a file that
# looks like a backup.
partial="$out.partial"
trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --dbname="$DATABASE_URL" --file="$partial"
pg_restore --list "$partial" >/dev/null
mv "$partial" "$out"
trap - EXIT
echo "Backed up $(psql --dbname="$DATABASE_URL" --no-psqlrc -Atc 'SELECT current_database()') to $out ($(du -h "$out" | cut -f1))." >&2
