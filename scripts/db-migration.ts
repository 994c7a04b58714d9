// `pnpm db:migration <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the
// SQL that brings the existing migrations up to prisma/schema.prisma. Replaying the migrations needs
// a temporary shadow database, created on the PostgreSQL server DATABASE_URL points at and dropped
// afterwards; nothing else on that server is touched.
import { fileURLToPath } from 'node:url'
import { ConfigError, databaseUrlFrom } from '../app.config'
import {
  createMigration,
  EmptyMigrationError,
  migrationNamePattern,
} from '../src/server/db/migrations/runner'
import { DatabaseCreationError } from '../src/server/db/migrations/schema-engine'

const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url))
const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url))

const name = process.argv[2]
if (process.argv.length !== 3 || name === undefined || !migrationNamePattern.test(name)) {
  console.error(
    `Usage: pnpm db:migration <name>   (name must match ${migrationNamePattern}, e.g. add_group_logo)`,
  )
  process.exit(2)
}

try {
  const migration = await createMigration({
    name,
    databaseUrl: databaseUrlFrom(process.env),
    migrationsDir,
    schemaPath,
  })
  console.log(`Wrote ${migration.file}\nReview it, then apply it with \`pnpm db:migrate\`.`)
} catch (error) {
  if (error instanceof ConfigError || error instanceof EmptyMigrationError) {
    console.error(error.message)
  } else if (error instanceof DatabaseCreationError) {
    console.error(
      `${error.message}\nCreating a migration needs a real PostgreSQL server in DATABASE_URL, on which ` +
        'it creates (and then drops) a temporary shadow database, e.g. ' +
        'postgres://postgres@127.0.0.1:5432/postgres. The embedded PGlite server cannot host one.',
    )
  } else {
    console.error(error)
  }
  process.exitCode = 1
}
