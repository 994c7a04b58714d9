-- Two scopes every logged-in user holds (docs/policies.md): applying to a group (and withdrawing
-- the application) on any group, and reading their own notifications. Idempotent reference data.
INSERT INTO "PolicyStatement" ("realmId", "policyId", "scope", "targetKind", "withDescendants")
SELECT 'hub', p.id, v.scope, v.target::"PolicyTargetKind", false
FROM (VALUES
  ('Bejelentkezett felhasználók', 'group:apply', 'ANY'),
  ('Bejelentkezett felhasználók', 'user:notifications', 'SELF')
) AS v(policy, scope, target)
JOIN "Policy" p ON p."realmId" = 'hub' AND p."name" = v.policy
WHERE NOT EXISTS (
  SELECT 1 FROM "PolicyStatement" s
  WHERE s."realmId" = 'hub' AND s."policyId" = p.id AND s."scope" = v.scope AND s."targetKind" = v.target::"PolicyTargetKind"
);
