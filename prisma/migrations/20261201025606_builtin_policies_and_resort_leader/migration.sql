-- AlterEnum
ALTER TYPE "PostKind" ADD VALUE 'RESORT_LEADER';

-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "builtIn" BOOLEAN NOT NULL DEFAULT false;
