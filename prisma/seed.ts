// `pnpm db:seed`: loads the demo dataset into DATABASE_URL's hub realm when it holds no groups yet.
import { databaseUrlFrom } from '#config'
import { seedIfEmpty } from '#tests/factories/seed'
import { createPrismaClient } from '~/server/db/client'

const db = createPrismaClient({ url: databaseUrlFrom(process.env), poolSize: 1 })
try {
  const result = await seedIfEmpty(db, 'hub')
  console.log(result ? `Seeded: ${JSON.stringify(result)}` : 'The database already has data; nothing seeded.')
} finally {
  await db.$disconnect()
}
