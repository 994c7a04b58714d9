-- Every write that can change an access decision bumps the realm's PolicyVersion in the same
-- transaction, whoever makes it (a service, a seed, a psql session): policies, statements,
-- assignments, post-type bindings, posts and the group tree (docs/decisions/0012).
-- Statement-level triggers with transition tables: a bulk insert bumps once per statement, not per row.

CREATE FUNCTION pek_bump_policy_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PolicyVersion" ("realmId", "version")
  SELECT DISTINCT "realmId", 1 FROM changed_rows
  ON CONFLICT ("realmId") DO UPDATE SET "version" = "PolicyVersion"."version" + 1;
  RETURN NULL;
END $$;

-- The group tree changes only when a group is added, removed or gets another parent.
CREATE FUNCTION pek_bump_policy_version_on_reparent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PolicyVersion" ("realmId", "version")
  SELECT DISTINCT n."realmId", 1
  FROM new_rows n JOIN old_rows o ON o."id" = n."id" AND o."realmId" = n."realmId"
  WHERE o."parentId" IS DISTINCT FROM n."parentId"
  ON CONFLICT ("realmId") DO UPDATE SET "version" = "PolicyVersion"."version" + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Policy', 'PolicyStatement', 'PolicyAssignment', 'PostTypePolicy', 'Post', 'Group'] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_policy_version()',
      t || '_policy_version_insert', t);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_policy_version()',
      t || '_policy_version_delete', t);
    IF t = 'Group' THEN
      EXECUTE format(
        'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_policy_version_on_reparent()',
        t || '_policy_version_update', t);
    ELSE
      EXECUTE format(
        'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_bump_policy_version()',
        t || '_policy_version_update', t);
    END IF;
  END LOOP;
END $$;

-- Reference data: the resort leader's post and its template, the issue scope for PéK admins, and
-- editing pending evaluations during review for the RVT leader. Idempotent, like hub_reference_data.
INSERT INTO "PostType" ("realmId", "groupId", "kind", "name")
SELECT 'hub', NULL, 'RESORT_LEADER', 'reszortvezető'
WHERE NOT EXISTS (
  SELECT 1 FROM "PostType" WHERE "realmId" = 'hub' AND "groupId" IS NULL AND "kind" = 'RESORT_LEADER'
);

INSERT INTO "Policy" ("realmId", "name", "description", "parentId", "canIssue", "updatedAt")
SELECT 'hub', 'Reszortvezető', 'A reszortvezetői poszt jogai a reszort köreiben.', root.id, false, CURRENT_TIMESTAMP
FROM "Policy" root WHERE root."realmId" = 'hub' AND root."name" = 'Szuperadmin'
ON CONFLICT ("realmId", "name") DO NOTHING;

INSERT INTO "PolicyStatement" ("realmId", "policyId", "scope", "targetKind", "withDescendants")
SELECT 'hub', p.id, v.scope, v.target::"PolicyTargetKind", v.descendants
FROM (VALUES
  ('Reszortvezető', 'group:view-history', 'POST_GROUP', true),
  ('Reszortvezető', 'evaluation:view', 'POST_GROUP', true),
  ('Reszortvezető', 'evaluation:judge', 'POST_GROUP', true),
  ('Reszortvezető', 'evaluation:edit-pending', 'POST_GROUP', true),
  ('Reszortvezető', 'entry:review', 'POST_GROUP', true),
  ('RVT-elnök', 'evaluation:edit-pending', 'ANY', false),
  ('PéK-adminisztrátor', 'policy:issue', 'ANY', false)
) AS v(policy, scope, target, descendants)
JOIN "Policy" p ON p."realmId" = 'hub' AND p."name" = v.policy
WHERE NOT EXISTS (
  SELECT 1 FROM "PolicyStatement" s
  WHERE s."realmId" = 'hub' AND s."policyId" = p.id AND s."scope" = v.scope AND s."targetKind" = v.target::"PolicyTargetKind"
);

INSERT INTO "PostTypePolicy" ("realmId", "postTypeId", "policyId")
SELECT 'hub', t.id, p.id
FROM "PostType" t
JOIN "Policy" p ON p."realmId" = 'hub' AND p."name" = 'Reszortvezető'
WHERE t."realmId" = 'hub' AND t."groupId" IS NULL AND t."kind" = 'RESORT_LEADER'
ON CONFLICT DO NOTHING;

-- The reference policies are found by name: renaming or deleting one would break that.
UPDATE "Policy" SET "builtIn" = true
WHERE "realmId" = 'hub' AND "name" IN (
  'Szuperadmin', 'Mindenki', 'Bejelentkezett felhasználók', 'PéK-adminisztrátor', 'RVT-elnök', 'RVT-tag',
  'Körvezető', 'Körvezető-helyettes', 'Pontozó', 'Reszortvezető'
);
