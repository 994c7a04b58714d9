-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('NOT_SPECIFIED', 'FEMALE', 'MALE', 'OTHER');

-- CreateEnum
CREATE TYPE "StudentStatus" AS ENUM ('UNKNOWN', 'ACTIVE', 'GRADUATED', 'OTHER');

-- CreateEnum
CREATE TYPE "AccountProtocol" AS ENUM ('IRC', 'TELEGRAM', 'SKYPE', 'X', 'FACEBOOK', 'INSTAGRAM', 'DISCORD', 'GITHUB', 'LINKEDIN', 'JABBER', 'CALL_SIGN', 'SCH_MAIL', 'OTHER');

-- AlterTable
ALTER TABLE "Profile" ADD COLUMN     "cellPhone" TEXT,
ADD COLUMN     "cellPhonePublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dateOfBirth" DATE,
ADD COLUMN     "dateOfBirthPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "gender" "Gender" NOT NULL DEFAULT 'NOT_SPECIFIED',
ADD COLUMN     "genderPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "homeAddress" TEXT,
ADD COLUMN     "homeAddressPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "photoKey" TEXT,
ADD COLUMN     "roomPublic" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "searchFull" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchPublic" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "studentStatus" "StudentStatus" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "webpage" TEXT,
ADD COLUMN     "webpagePublic" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "disabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "screenNameKey" TEXT;

-- CreateTable
CREATE TABLE "ExternalAccount" (
    "id" SERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "protocol" "AccountProtocol" NOT NULL,
    "accountName" VARCHAR(100) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalAccount_pkey" PRIMARY KEY ("id","realmId")
);

-- CreateIndex
CREATE INDEX "ExternalAccount_realmId_userId_idx" ON "ExternalAccount"("realmId", "userId");

-- CreateIndex
CREATE INDEX "Profile_searchPublic_idx" ON "Profile" USING GIN ("searchPublic" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Profile_searchFull_idx" ON "Profile" USING GIN ("searchFull" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "User_realmId_screenNameKey_key" ON "User"("realmId", "screenNameKey");

-- AddForeignKey
ALTER TABLE "ExternalAccount" ADD CONSTRAINT "ExternalAccount_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalAccount" ADD CONSTRAINT "ExternalAccount_userId_realmId_fkey" FOREIGN KEY ("userId", "realmId") REFERENCES "User"("id", "realmId") ON DELETE CASCADE ON UPDATE CASCADE;
