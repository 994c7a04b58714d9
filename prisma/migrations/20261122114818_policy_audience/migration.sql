-- CreateEnum
CREATE TYPE "PolicyAudience" AS ENUM ('EVERYONE', 'AUTHENTICATED');

-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "audience" "PolicyAudience";
