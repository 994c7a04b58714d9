-- Reference data every hub database needs: the shared post types and the standard policies with
-- their post-type bindings (docs/decisions/0011-policy-engine.md). Names are the only handles; no
-- id appears in code. Idempotent, so re-running against a database that has them changes nothing.

INSERT INTO "PostType" ("realmId", "groupId", "kind", "name")
SELECT 'hub', NULL, v.kind::"PostKind", v.name
FROM (VALUES
  ('LEADER', 'körvezető'),
  ('DEPUTY', 'körvezető-helyettes'),
  ('EVALUATION_HELPER', 'pontozó'),
  ('FINANCIAL_OFFICER', 'gazdaságis'),
  ('FORMER_LEADER', 'volt körvezető'),
  ('NEWBIE', 'újonc')
) AS v(kind, name)
WHERE NOT EXISTS (
  SELECT 1 FROM "PostType" p WHERE p."realmId" = 'hub' AND p."groupId" IS NULL AND p."kind" = v.kind::"PostKind"
);

-- The root: whatever a policy holds, its parent must hold too, and `supreme:sudo` covers everything.
INSERT INTO "Policy" ("realmId", "name", "description", "parentId", "canIssue", "updatedAt")
VALUES ('hub', 'Szuperadmin', 'Minden jog. A seed senkinek sem adja.', NULL, true, CURRENT_TIMESTAMP)
ON CONFLICT ("realmId", "name") DO NOTHING;

INSERT INTO "Policy" ("realmId", "name", "description", "parentId", "canIssue", "audience", "updatedAt")
SELECT 'hub', v.name, v.description, root.id, v.can_issue, v.audience::"PolicyAudience", CURRENT_TIMESTAMP
FROM (VALUES
  ('Mindenki', 'Minden látogató, bejelentkezés nélkül is.', false, 'EVERYONE'),
  ('Bejelentkezett felhasználók', 'Minden bejelentkezett felhasználó.', false, 'AUTHENTICATED'),
  ('PéK-adminisztrátor', 'A jogosultsági rendszer kezelője.', true, NULL),
  ('RVT-elnök', 'A Reszortvezetők Tanácsának elnöke.', false, NULL),
  ('RVT-tag', 'A Reszortvezetők Tanácsának tagja.', false, NULL),
  ('Körvezető', 'A körvezetői poszt jogai a poszt körében.', false, NULL),
  ('Körvezető-helyettes', 'A helyettesi poszt jogai a poszt körében.', false, NULL),
  ('Pontozó', 'A pontozói poszt jogai a poszt körében.', false, NULL)
) AS v(name, description, can_issue, audience)
CROSS JOIN (SELECT id FROM "Policy" WHERE "realmId" = 'hub' AND "name" = 'Szuperadmin') AS root
ON CONFLICT ("realmId", "name") DO NOTHING;

INSERT INTO "PolicyStatement" ("realmId", "policyId", "scope", "targetKind", "withDescendants")
SELECT 'hub', p.id, v.scope, v.target::"PolicyTargetKind", v.descendants
FROM (VALUES
  ('Szuperadmin', 'supreme:sudo', 'ANY', false),
  ('Mindenki', 'group:view', 'ANY', false),
  ('Mindenki', 'session:view', 'ANY', false),
  ('Bejelentkezett felhasználók', 'group:view-members', 'ANY', false),
  ('Bejelentkezett felhasználók', 'user:view-basic', 'ANY', false),
  ('Bejelentkezett felhasználók', 'user:view-profile', 'SELF', false),
  ('Bejelentkezett felhasználók', 'user:edit', 'SELF', false),
  ('PéK-adminisztrátor', 'policy:admin', 'ANY', false),
  ('PéK-adminisztrátor', 'user:view-profile', 'ANY', false),
  ('PéK-adminisztrátor', 'user:edit', 'ANY', false),
  ('PéK-adminisztrátor', 'user:admin', 'ANY', false),
  ('RVT-elnök', 'evaluation:view', 'ANY', false),
  ('RVT-elnök', 'evaluation:judge', 'ANY', false),
  ('RVT-elnök', 'evaluation:accept', 'ANY', false),
  ('RVT-elnök', 'entry:review', 'ANY', false),
  ('RVT-elnök', 'semester:admin', 'ANY', false),
  ('RVT-elnök', 'group:create-toplevel', 'ANY', false),
  ('RVT-elnök', 'group:view-history', 'ANY', false),
  ('RVT-tag', 'evaluation:view', 'ANY', false),
  ('Körvezető', 'group:view-history', 'POST_GROUP', false),
  ('Körvezető', 'group:edit-profile', 'POST_GROUP', false),
  ('Körvezető', 'group:member-admin', 'POST_GROUP', false),
  ('Körvezető', 'group:role-admin', 'POST_GROUP', false),
  ('Körvezető', 'group:owner', 'POST_GROUP', false),
  ('Körvezető', 'group:create-subgroup', 'POST_GROUP', false),
  ('Körvezető', 'evaluation:view', 'POST_GROUP', true),
  ('Körvezető', 'evaluation:edit-draft', 'POST_GROUP', false),
  ('Körvezető', 'evaluation:submit', 'POST_GROUP', false),
  ('Körvezető-helyettes', 'group:view-history', 'POST_GROUP', false),
  ('Körvezető-helyettes', 'group:member-admin', 'POST_GROUP', false),
  ('Körvezető-helyettes', 'evaluation:view', 'POST_GROUP', false),
  ('Körvezető-helyettes', 'evaluation:edit-draft', 'POST_GROUP', false),
  ('Körvezető-helyettes', 'evaluation:submit', 'POST_GROUP', false),
  ('Pontozó', 'evaluation:view', 'POST_GROUP', false),
  ('Pontozó', 'evaluation:edit-draft', 'POST_GROUP', false)
) AS v(policy, scope, target, descendants)
JOIN "Policy" p ON p."realmId" = 'hub' AND p."name" = v.policy
WHERE NOT EXISTS (
  SELECT 1 FROM "PolicyStatement" s
  WHERE s."realmId" = 'hub' AND s."policyId" = p.id AND s."scope" = v.scope AND s."targetKind" = v.target::"PolicyTargetKind"
);

INSERT INTO "PostTypePolicy" ("realmId", "postTypeId", "policyId")
SELECT 'hub', t.id, p.id
FROM (VALUES ('LEADER', 'Körvezető'), ('DEPUTY', 'Körvezető-helyettes'), ('EVALUATION_HELPER', 'Pontozó')) AS v(kind, policy)
JOIN "PostType" t ON t."realmId" = 'hub' AND t."groupId" IS NULL AND t."kind" = v.kind::"PostKind"
JOIN "Policy" p ON p."realmId" = 'hub' AND p."name" = v.policy
ON CONFLICT DO NOTHING;

INSERT INTO "PolicyVersion" ("realmId", "version") VALUES ('hub', 0) ON CONFLICT DO NOTHING;
