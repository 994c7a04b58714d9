-- CreateTable
CREATE TABLE "DirectoryVersion" (
    "realmId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DirectoryVersion_pkey" PRIMARY KEY ("realmId")
);

-- AddForeignKey
ALTER TABLE "DirectoryVersion" ADD CONSTRAINT "DirectoryVersion_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The directory (GroupService.list) is cached per realm while this version holds (docs/decisions/0027).
-- Every write that can change what it shows bumps it in the same transaction, whoever makes it:
-- groups (any column: names, descriptions, the tree, archiving), which evaluations of a semester
-- were submitted (the "probably inactive" mark), and the current semester. Statement-level, like
-- the policy version's triggers: a bulk write bumps once.
SELECT pek_isolate_realm('DirectoryVersion');

-- On UPDATE, the trigger's arguments name the columns that count (none: any change counts); old and
-- new rows are paired by "realmId" and, where the table has one, "id". Cell saves and entry cards
-- update evaluations all the time, and the settings row holds the period and the caps too.
CREATE FUNCTION pek_bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO "DirectoryVersion" ("realmId", "version")
    SELECT DISTINCT n."realmId", 1
    FROM new_rows n
    JOIN old_rows o ON o."realmId" = n."realmId" AND to_jsonb(o) -> 'id' IS NOT DISTINCT FROM to_jsonb(n) -> 'id'
    WHERE TG_NARGS = 0 OR EXISTS (
      SELECT 1 FROM unnest(TG_ARGV) AS c(name) WHERE to_jsonb(o) -> c.name IS DISTINCT FROM to_jsonb(n) -> c.name
    )
    ON CONFLICT ("realmId") DO UPDATE SET "version" = "DirectoryVersion"."version" + 1;
  ELSE
    INSERT INTO "DirectoryVersion" ("realmId", "version")
    SELECT DISTINCT "realmId", 1 FROM changed_rows
    ON CONFLICT ("realmId") DO UPDATE SET "version" = "DirectoryVersion"."version" + 1;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Group', 'Evaluation', 'SemesterSettings'] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_directory_version()',
      t || '_directory_version_insert', t);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_directory_version()',
      t || '_directory_version_delete', t);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_directory_version(%s)',
      t || '_directory_version_update', t,
      CASE t
        WHEN 'Evaluation' THEN '''pointStatus'', ''semester'', ''groupId'''
        WHEN 'SemesterSettings' THEN '''semester'''
        ELSE ''
      END);
  END LOOP;
END $$;
