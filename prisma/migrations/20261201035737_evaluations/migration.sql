-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('NOT_SUBMITTED', 'PENDING', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PrincipleCategory" AS ENUM ('WORK', 'RESPONSIBILITY');

-- CreateEnum
CREATE TYPE "EntryType" AS ENUM ('KDO', 'KB', 'AB');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'EVALUATION_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'EVALUATION_JUDGED';

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "semester" VARCHAR(11) NOT NULL,
    "pointStatus" "RequestStatus" NOT NULL DEFAULT 'NOT_SUBMITTED',
    "entryStatus" "RequestStatus" NOT NULL DEFAULT 'NOT_SUBMITTED',
    "report" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "pointSubmittedAt" TIMESTAMP(3),
    "entrySubmittedAt" TIMESTAMP(3),
    "judgedAt" TIMESTAMP(3),

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "Principle" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" "PrincipleCategory" NOT NULL,
    "maxPoints" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Principle_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "PointCell" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "principleId" INTEGER NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" INTEGER,

    CONSTRAINT "PointCell_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "EntryCard" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "type" "EntryType" NOT NULL DEFAULT 'KDO',
    "justification" TEXT NOT NULL DEFAULT '',
    "recommendations" JSONB NOT NULL DEFAULT '[]',
    "finalType" "EntryType",
    "finalJustification" TEXT,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" INTEGER,

    CONSTRAINT "EntryCard_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "EvaluationMessage" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "system" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationMessage_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "CellComment" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "principleId" INTEGER NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CellComment_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateIndex
CREATE INDEX "Evaluation_realmId_semester_idx" ON "Evaluation"("realmId", "semester");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_realmId_groupId_semester_key" ON "Evaluation"("realmId", "groupId", "semester");

-- CreateIndex
CREATE INDEX "Principle_realmId_evaluationId_position_idx" ON "Principle"("realmId", "evaluationId", "position");

-- CreateIndex
CREATE INDEX "PointCell_realmId_evaluationId_idx" ON "PointCell"("realmId", "evaluationId");

-- CreateIndex
CREATE INDEX "PointCell_realmId_membershipId_idx" ON "PointCell"("realmId", "membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "PointCell_realmId_principleId_membershipId_key" ON "PointCell"("realmId", "principleId", "membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "EntryCard_realmId_evaluationId_membershipId_key" ON "EntryCard"("realmId", "evaluationId", "membershipId");

-- CreateIndex
CREATE INDEX "EvaluationMessage_realmId_evaluationId_id_idx" ON "EvaluationMessage"("realmId", "evaluationId", "id");

-- CreateIndex
CREATE INDEX "CellComment_realmId_evaluationId_principleId_membershipId_idx" ON "CellComment"("realmId", "evaluationId", "principleId", "membershipId");

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_groupId_realmId_fkey" FOREIGN KEY ("groupId", "realmId") REFERENCES "Group"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Principle" ADD CONSTRAINT "Principle_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Principle" ADD CONSTRAINT "Principle_evaluationId_realmId_fkey" FOREIGN KEY ("evaluationId", "realmId") REFERENCES "Evaluation"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointCell" ADD CONSTRAINT "PointCell_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointCell" ADD CONSTRAINT "PointCell_evaluationId_realmId_fkey" FOREIGN KEY ("evaluationId", "realmId") REFERENCES "Evaluation"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointCell" ADD CONSTRAINT "PointCell_principleId_realmId_fkey" FOREIGN KEY ("principleId", "realmId") REFERENCES "Principle"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointCell" ADD CONSTRAINT "PointCell_membershipId_realmId_fkey" FOREIGN KEY ("membershipId", "realmId") REFERENCES "Membership"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryCard" ADD CONSTRAINT "EntryCard_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryCard" ADD CONSTRAINT "EntryCard_evaluationId_realmId_fkey" FOREIGN KEY ("evaluationId", "realmId") REFERENCES "Evaluation"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryCard" ADD CONSTRAINT "EntryCard_membershipId_realmId_fkey" FOREIGN KEY ("membershipId", "realmId") REFERENCES "Membership"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationMessage" ADD CONSTRAINT "EvaluationMessage_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationMessage" ADD CONSTRAINT "EvaluationMessage_evaluationId_realmId_fkey" FOREIGN KEY ("evaluationId", "realmId") REFERENCES "Evaluation"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationMessage" ADD CONSTRAINT "EvaluationMessage_authorId_realmId_fkey" FOREIGN KEY ("authorId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellComment" ADD CONSTRAINT "CellComment_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellComment" ADD CONSTRAINT "CellComment_evaluationId_realmId_fkey" FOREIGN KEY ("evaluationId", "realmId") REFERENCES "Evaluation"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellComment" ADD CONSTRAINT "CellComment_principleId_realmId_fkey" FOREIGN KEY ("principleId", "realmId") REFERENCES "Principle"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellComment" ADD CONSTRAINT "CellComment_membershipId_realmId_fkey" FOREIGN KEY ("membershipId", "realmId") REFERENCES "Membership"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellComment" ADD CONSTRAINT "CellComment_authorId_realmId_fkey" FOREIGN KEY ("authorId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (docs/decisions/0015-evaluations.md): what the schema language cannot say.
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_semester_check" CHECK (pek_is_semester_id("semester"));
ALTER TABLE "Principle" ADD CONSTRAINT "Principle_maxPoints_check" CHECK ("maxPoints" >= 1);
ALTER TABLE "PointCell" ADD CONSTRAINT "PointCell_value_check" CHECK ("value" >= 0);
