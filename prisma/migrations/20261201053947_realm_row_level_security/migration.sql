-- Row-level security on every realm-scoped table: defence in depth behind the client-side realm
-- guard (docs/decisions/0021-realm-row-level-security.md). The app never works as the tables' owner:
-- each of its connections runs `SET ROLE pek_app` and sets `pek.realm` to its realm
-- (src/server/db/client.ts), and pek_app sees and writes only rows whose "realmId" is that realm.
-- The owner (this migration's role: migrations, seeds, tests' factories) keeps unrestricted access.
-- Invisible to the schema diff, like the triggers: later migrations keep it.

-- Roles belong to the server, not to a database: another database on the same server may have made
-- pek_app already, or be making it right now (parallel test runs).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pek_app') THEN
    BEGIN
      CREATE ROLE pek_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN
        NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'role % may not create the role pek_app', current_user
          USING HINT = 'As a superuser: CREATE ROLE pek_app NOLOGIN NOBYPASSRLS NOINHERIT; GRANT pek_app TO '
            || quote_ident(current_user) || '; (docs/decisions/0021-realm-row-level-security.md)';
    END;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'pek_app' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'the role pek_app must not be a superuser nor bypass row-level security';
  END IF;
  -- The app logs in as this migration's role and switches to pek_app on every connection; a
  -- superuser may switch to any role already.
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND rolsuper) THEN
    BEGIN
      EXECUTE format('GRANT pek_app TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'role % cannot grant itself pek_app', current_user
        USING HINT = 'As a superuser: GRANT pek_app TO ' || quote_ident(current_user) || ';';
    END;
  END IF;
END $$;

-- What the app may touch: the rows of every table (row-level security narrows them to its realm),
-- the realms themselves read-only, the migrations' bookkeeping not at all. Tables and sequences
-- that later migrations create get the same grants.
DO $$
DECLARE
  t text;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO pek_app', current_schema());
  FOR t IN
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('_prisma_migrations', 'Realm')
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO pek_app', t);
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO pek_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pek_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO pek_app', current_schema());
END $$;
GRANT SELECT ON "Realm" TO pek_app;

-- One policy per table, the same for reading and writing: a row is visible, changeable and
-- insertable only in the connection's realm. Without pek.realm nothing is (NULL matches no row).
-- The setting is read once per query (a sub-select), not once per row: a scan that names no realm
-- then costs what it would with the realm written out.
-- Not FORCEd: the owner is exempt, and the app never acts as the owner.
-- A migration that adds a realm-scoped table calls this for it; tests/integration/realm-rls.test.ts
-- fails for a table with a "realmId" column that lacks it.
CREATE FUNCTION pek_isolate_realm(table_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('DROP POLICY IF EXISTS realm_isolation ON %I', table_name);
  EXECUTE format(
    'CREATE POLICY realm_isolation ON %I FOR ALL TO PUBLIC '
    'USING ("realmId" = (SELECT current_setting(''pek.realm'', true))) '
    'WITH CHECK ("realmId" = (SELECT current_setting(''pek.realm'', true)))',
    table_name);
END $$;
REVOKE EXECUTE ON FUNCTION pek_isolate_realm(text) FROM PUBLIC;

SELECT pek_isolate_realm(c.table_name)
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = current_schema() AND c.column_name = 'realmId' AND t.table_type = 'BASE TABLE'
ORDER BY c.table_name;
