-- CreateEnum
CREATE TYPE "PolicyTargetKind" AS ENUM ('ANY', 'GROUP', 'USER', 'SELF', 'POST_GROUP');

-- CreateTable
CREATE TABLE "Policy" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parentId" INTEGER,
    "canIssue" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "PolicyStatement" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "policyId" INTEGER NOT NULL,
    "scope" VARCHAR(50) NOT NULL,
    "targetKind" "PolicyTargetKind" NOT NULL,
    "groupId" INTEGER,
    "userId" INTEGER,
    "withDescendants" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PolicyStatement_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "PolicyAssignment" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "policyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "PolicyAssignment_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "PostTypePolicy" (
    "realmId" TEXT NOT NULL,
    "postTypeId" INTEGER NOT NULL,
    "policyId" INTEGER NOT NULL,

    CONSTRAINT "PostTypePolicy_pkey" PRIMARY KEY ("postTypeId","policyId","realmId")
);

-- CreateTable
CREATE TABLE "PolicyAudit" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" VARCHAR(50) NOT NULL,
    "entity" VARCHAR(50) NOT NULL,
    "entityId" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "PolicyAudit_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "realmId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("realmId")
);

-- CreateIndex
CREATE INDEX "Policy_realmId_parentId_idx" ON "Policy"("realmId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_realmId_name_key" ON "Policy"("realmId", "name");

-- CreateIndex
CREATE INDEX "PolicyStatement_realmId_policyId_idx" ON "PolicyStatement"("realmId", "policyId");

-- CreateIndex
CREATE INDEX "PolicyAssignment_realmId_userId_idx" ON "PolicyAssignment"("realmId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyAssignment_realmId_policyId_userId_key" ON "PolicyAssignment"("realmId", "policyId", "userId");

-- CreateIndex
CREATE INDEX "PolicyAudit_realmId_at_idx" ON "PolicyAudit"("realmId", "at");

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_parentId_realmId_fkey" FOREIGN KEY ("parentId", "realmId") REFERENCES "Policy"("id", "realmId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStatement" ADD CONSTRAINT "PolicyStatement_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStatement" ADD CONSTRAINT "PolicyStatement_policyId_realmId_fkey" FOREIGN KEY ("policyId", "realmId") REFERENCES "Policy"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStatement" ADD CONSTRAINT "PolicyStatement_groupId_realmId_fkey" FOREIGN KEY ("groupId", "realmId") REFERENCES "Group"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStatement" ADD CONSTRAINT "PolicyStatement_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAssignment" ADD CONSTRAINT "PolicyAssignment_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAssignment" ADD CONSTRAINT "PolicyAssignment_policyId_realmId_fkey" FOREIGN KEY ("policyId", "realmId") REFERENCES "Policy"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAssignment" ADD CONSTRAINT "PolicyAssignment_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostTypePolicy" ADD CONSTRAINT "PostTypePolicy_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostTypePolicy" ADD CONSTRAINT "PostTypePolicy_postTypeId_realmId_fkey" FOREIGN KEY ("postTypeId", "realmId") REFERENCES "PostType"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostTypePolicy" ADD CONSTRAINT "PostTypePolicy_policyId_realmId_fkey" FOREIGN KEY ("policyId", "realmId") REFERENCES "Policy"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAudit" ADD CONSTRAINT "PolicyAudit_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
