#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh (docs/operations.md, "Back up and restore").
#
#   DATABASE_URL=postgresql://… scripts/restore.sh FILE              # into an empty database
#   DATABASE_URL=postgresql://… scripts/restore.sh --replace FILE    # drop and recreate it first
#
# Without --replace the target must hold no tables, so a mistyped URL cannot mix a backup into a
# live database. --replace drops the database (ending its sessions: stop the app first) and creates
# it again, empty, owned by DATABASE_URL's user. The restore is one transaction: it lands whole or
# not at all. Restored objects belong to DATABASE_URL's user — the role the app's migrations run as.
# Then start the app on it; pending migrations of a newer release apply as usual.
set -euo pipefail

replace=false
if [ "${1:-}" = --replace ]; then
  replace=true
  shift
fi
file=${1:?usage: restore.sh [--replace] FILE}
: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
[ -r "$file" ] || { echo "restore.sh: cannot read $file" >&2; exit 1; }
pg_restore --list "$file" >/dev/null

psql_target() { psql --dbname="$DATABASE_URL" --no-psqlrc -v ON_ERROR_STOP=1 -Atq "$@"; }
database=$(psql_target -c 'SELECT current_database()')

if $replace; then
  # \connect to the server's maintenance database keeps DATABASE_URL's host, port and user.
  psql_target -v db="$database" <<'SQL'
\connect postgres
DROP DATABASE :"db" WITH (FORCE);
CREATE DATABASE :"db";
SQL
else
  tables=$(psql_target -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
  if [ "$tables" != 0 ]; then
    echo "restore.sh: database $database is not empty ($tables tables); restore into a new database or use --replace" >&2
    exit 1
  fi
fi

# Roles belong to the server, not to the backup: the app's role (APP_ROLE, src/server/db/client.ts) must exist
# before the grants to it are restored, and DATABASE_URL's user must be able to switch to it.
psql_target <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pek_app') THEN
    CREATE ROLE pek_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND rolsuper) THEN
    EXECUTE format('GRANT pek_app TO %I', current_user);
  END IF;
END $$;
SQL

pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$file"
# pg_dump carries no planner statistics: gather them before the app's first queries.
psql_target -c 'ANALYZE'
echo "Restored $file into $database." >&2
