-- The council's members see evaluations outside the quiet period only (PRODUCT.md). RVT-tag holds
-- `evaluation:oversee`, which the policy engine turns into `evaluation:view` while the realm's period
-- is not QUIET; the engine's model carries the period, so a period switch bumps the policy version
-- like any other change that can alter a decision (docs/decisions/0017-council-oversee.md).

CREATE FUNCTION pek_bump_policy_version_on_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PolicyVersion" ("realmId", "version")
  SELECT DISTINCT n."realmId", 1
  FROM new_rows n JOIN old_rows o ON o."realmId" = n."realmId"
  WHERE o."period" IS DISTINCT FROM n."period"
  ON CONFLICT ("realmId") DO UPDATE SET "version" = "PolicyVersion"."version" + 1;
  RETURN NULL;
END $$;

-- A realm's first settings row may already be outside QUIET.
CREATE FUNCTION pek_bump_policy_version_on_settings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PolicyVersion" ("realmId", "version")
  SELECT DISTINCT "realmId", 1 FROM new_rows
  ON CONFLICT ("realmId") DO UPDATE SET "version" = "PolicyVersion"."version" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "SemesterSettings_policy_version_update" AFTER UPDATE ON "SemesterSettings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_policy_version_on_period();

CREATE TRIGGER "SemesterSettings_policy_version_insert" AFTER INSERT ON "SemesterSettings"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_policy_version_on_settings_insert();

UPDATE "PolicyStatement" s SET "scope" = 'evaluation:oversee'
FROM "Policy" p
WHERE p."id" = s."policyId" AND p."realmId" = s."realmId"
  AND p."name" = 'RVT-tag' AND s."scope" = 'evaluation:view' AND s."targetKind" = 'ANY';
