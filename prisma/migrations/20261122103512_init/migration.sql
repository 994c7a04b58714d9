-- CreateEnum
CREATE TYPE "Dormitory" AS ENUM ('SCHONHERZ', 'KARMAN', 'TETENY', 'BAROSS', 'BERCSENYI', 'VASARHELYI', 'EXTERNAL', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "GroupPurpose" AS ENUM ('CIRCLE', 'RESORT', 'COMMITTEE', 'EVENT', 'SPORT', 'PROFESSIONAL', 'FLOOR', 'SERVICE', 'PROJECT', 'YEAR_CLASS', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'NEWBIE', 'ACTIVE', 'FORMER', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('LEADER', 'DEPUTY', 'EVALUATION_HELPER', 'FINANCIAL_OFFICER', 'FORMER_LEADER', 'NEWBIE', 'CUSTOM');

-- CreateTable
CREATE TABLE "Realm" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Realm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "neptun" TEXT,
    "screenName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "Profile" (
    "userId" INTEGER NOT NULL,
    "realmId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "nickname" TEXT,
    "dormitory" "Dormitory" NOT NULL DEFAULT 'UNKNOWN',
    "room" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("userId","realmId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "realmId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortDescription" TEXT NOT NULL DEFAULT '',
    "purpose" "GroupPurpose" NOT NULL DEFAULT 'CIRCLE',
    "parentId" INTEGER,
    "foundedYear" INTEGER,
    "webpage" TEXT,
    "mailingList" TEXT,
    "acceptsApplications" BOOLEAN NOT NULL DEFAULT true,
    "showArchivedMembers" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "MembershipEvent" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "status" "MembershipStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,

    CONSTRAINT "MembershipEvent_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "PostType" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "groupId" INTEGER,
    "kind" "PostKind" NOT NULL DEFAULT 'CUSTOM',
    "name" VARCHAR(30) NOT NULL,

    CONSTRAINT "PostType_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "membershipId" INTEGER NOT NULL,
    "postTypeId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateIndex
CREATE INDEX "User_realmId_displayName_idx" ON "User"("realmId", "displayName");

-- CreateIndex
CREATE UNIQUE INDEX "User_realmId_subject_key" ON "User"("realmId", "subject");

-- CreateIndex
CREATE INDEX "Session_realmId_userId_idx" ON "Session"("realmId", "userId");

-- CreateIndex
CREATE INDEX "Group_realmId_parentId_idx" ON "Group"("realmId", "parentId");

-- CreateIndex
CREATE INDEX "Group_realmId_name_idx" ON "Group"("realmId", "name");

-- CreateIndex
CREATE INDEX "Membership_realmId_userId_idx" ON "Membership"("realmId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_realmId_groupId_userId_key" ON "Membership"("realmId", "groupId", "userId");

-- CreateIndex
CREATE INDEX "MembershipEvent_realmId_membershipId_at_idx" ON "MembershipEvent"("realmId", "membershipId", "at");

-- CreateIndex
CREATE INDEX "PostType_realmId_groupId_idx" ON "PostType"("realmId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_realmId_membershipId_postTypeId_key" ON "Post"("realmId", "membershipId", "postTypeId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_parentId_realmId_fkey" FOREIGN KEY ("parentId", "realmId") REFERENCES "Group"("id", "realmId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_groupId_realmId_fkey" FOREIGN KEY ("groupId", "realmId") REFERENCES "Group"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipEvent" ADD CONSTRAINT "MembershipEvent_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipEvent" ADD CONSTRAINT "MembershipEvent_membershipId_realmId_fkey" FOREIGN KEY ("membershipId", "realmId") REFERENCES "Membership"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipEvent" ADD CONSTRAINT "MembershipEvent_actorId_realmId_fkey" FOREIGN KEY ("actorId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostType" ADD CONSTRAINT "PostType_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostType" ADD CONSTRAINT "PostType_groupId_realmId_fkey" FOREIGN KEY ("groupId", "realmId") REFERENCES "Group"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_membershipId_realmId_fkey" FOREIGN KEY ("membershipId", "realmId") REFERENCES "Membership"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_postTypeId_realmId_fkey" FOREIGN KEY ("postTypeId", "realmId") REFERENCES "PostType"("id", "realmId") ON DELETE RESTRICT ON UPDATE CASCADE;
