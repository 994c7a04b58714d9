-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "status" "MembershipStatus",
ADD COLUMN     "statusAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Membership_realmId_groupId_status_idx" ON "Membership"("realmId", "groupId", "status");

-- The current status of a membership, kept on the row (docs/decisions/0031): "the group's members
-- serving now" is then an index scan, not a newest-event search over every membership the group has
-- ever had (2,368 for the largest group of the benchmark's data, 629 of them serving).
UPDATE "Membership" m SET "status" = cur."status", "statusAt" = cur."at"
FROM (
  SELECT DISTINCT ON ("realmId", "membershipId") "realmId", "membershipId", "status", "at"
  FROM "MembershipEvent"
  ORDER BY "realmId", "membershipId", "at" DESC, "id" DESC
) cur
WHERE m."realmId" = cur."realmId" AND m."id" = cur."membershipId";

-- Recomputes the current status of the memberships whose events a statement inserted, changed or
-- deleted: their newest event by "at", then id (as currentStatus in src/domains/membership/status.ts).
-- The memberships are locked first, in id order; the recompute is a statement of its own, so its
-- snapshot includes the events of a concurrent writer of the same membership that committed
-- meanwhile (the services lock the membership before writing its events anyway).
CREATE FUNCTION pek_refresh_membership_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  realms text[];
  ids integer[];
BEGIN
  IF TG_OP IN ('INSERT', 'DELETE') THEN
    SELECT array_agg(k."realmId"), array_agg(k."membershipId") INTO realms, ids
    FROM (SELECT DISTINCT "realmId", "membershipId" FROM changed_rows) k;
  ELSE
    SELECT array_agg(k."realmId"), array_agg(k."membershipId") INTO realms, ids
    FROM (SELECT "realmId", "membershipId" FROM old_rows UNION SELECT "realmId", "membershipId" FROM new_rows) k;
  END IF;
  IF realms IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "Membership" m JOIN unnest(realms, ids) AS k("realmId", id)
    ON m."realmId" = k."realmId" AND m."id" = k.id
  ORDER BY m."id" FOR UPDATE OF m;
  UPDATE "Membership" m SET "status" = cur."status", "statusAt" = cur."at"
  FROM unnest(realms, ids) AS k("realmId", id)
  LEFT JOIN LATERAL (
    SELECT e."status", e."at" FROM "MembershipEvent" e
    WHERE e."realmId" = k."realmId" AND e."membershipId" = k.id
    ORDER BY e."at" DESC, e."id" DESC LIMIT 1
  ) cur ON true
  WHERE m."realmId" = k."realmId" AND m."id" = k.id
    AND (m."status", m."statusAt") IS DISTINCT FROM (cur."status", cur."at");
  RETURN NULL;
END $$;

CREATE TRIGGER "MembershipEvent_status_insert" AFTER INSERT ON "MembershipEvent"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_refresh_membership_status();
CREATE TRIGGER "MembershipEvent_status_delete" AFTER DELETE ON "MembershipEvent"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_refresh_membership_status();
CREATE TRIGGER "MembershipEvent_status_update" AFTER UPDATE ON "MembershipEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pek_refresh_membership_status();
