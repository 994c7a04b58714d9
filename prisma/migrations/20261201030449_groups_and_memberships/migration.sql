-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('APPLICATION_RECEIVED', 'MEMBERSHIP_ACCEPTED', 'MEMBERSHIP_FORMER', 'MEMBERSHIP_ARCHIVED');

-- AlterEnum: closed applications keep their history (PostgreSQL 12+ allows both values in one migration;
-- nothing below uses them).
ALTER TYPE "MembershipStatus" ADD VALUE 'WITHDRAWN';
ALTER TYPE "MembershipStatus" ADD VALUE 'REJECTED';

-- DropIndex: the new unique index on (realmId, groupId, name) serves the same lookups.
DROP INDEX "PostType_realmId_groupId_idx";

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" VARCHAR(200),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateIndex
CREATE INDEX "Notification_realmId_userId_id_idx" ON "Notification"("realmId", "userId", "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_realmId_userId_readAt_idx" ON "Notification"("realmId", "userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "PostType_realmId_groupId_name_key" ON "PostType"("realmId", "groupId", "name");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one financial officer per group, whoever writes (a service, a seed, a psql session). A post
-- has no group or kind of its own (they come through its membership and its post type), so a partial
-- unique index cannot say it; this trigger does. It locks the group row first, so two concurrent
-- writers are checked one after the other (in READ COMMITTED, the count after the lock sees the
-- other's committed post). Its error is a unique violation (SQLSTATE 23505) naming the rule, which
-- the client reports like any unique constraint (P2002). Like the policy version triggers, it is
-- invisible to the schema diff: later migrations keep it.
CREATE FUNCTION pek_one_financial_officer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  group_id integer;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "PostType" t
    WHERE t."id" = NEW."postTypeId" AND t."realmId" = NEW."realmId" AND t."kind" = 'FINANCIAL_OFFICER'
  ) THEN
    RETURN NULL;
  END IF;
  SELECT m."groupId" INTO group_id
  FROM "Membership" m WHERE m."id" = NEW."membershipId" AND m."realmId" = NEW."realmId";
  PERFORM 1 FROM "Group" g WHERE g."id" = group_id AND g."realmId" = NEW."realmId" FOR NO KEY UPDATE;
  IF (
    SELECT count(*) FROM "Post" p
    JOIN "Membership" m ON m."id" = p."membershipId" AND m."realmId" = p."realmId"
    JOIN "PostType" t ON t."id" = p."postTypeId" AND t."realmId" = p."realmId"
    WHERE p."realmId" = NEW."realmId" AND m."groupId" = group_id AND t."kind" = 'FINANCIAL_OFFICER'
  ) > 1 THEN
    RAISE EXCEPTION 'group % already has a financial officer', group_id
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'Post_one_financial_officer_per_group';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Post_one_financial_officer"
AFTER INSERT OR UPDATE OF "membershipId", "postTypeId" ON "Post"
FOR EACH ROW EXECUTE FUNCTION pek_one_financial_officer();
