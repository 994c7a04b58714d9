// The mechanical check behind rule 2 of docs/ARCHITECTURE.md: every query on a realm-scoped
// model must name the bound realm, or it fails loudly before reaching the database.
// See docs/decisions/0003-realm-enforcement.md.

/** Models that are not realm-scoped. Everything else is. */
const GLOBAL_MODELS = new Set(['Realm'])

export class RealmGuardError extends Error {
  constructor(model: string, operation: string, reason: string) {
    super(`Realm guard: ${model}.${operation} ${reason}`)
    this.name = 'RealmGuardError'
  }
}

type Args = Record<string, unknown>

const isObject = (v: unknown): v is Args => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether a realmId condition names exactly `realm` (a plain value or `{ equals }`). */
function namesRealm(value: unknown, realm: string): boolean | 'other' {
  const v = isObject(value) && 'equals' in value ? value.equals : value
  if (v === realm) return true
  return typeof v === 'string' ? 'other' : false
}

/**
 * Finds the realm condition in a `where`: top-level `realmId`, a compound unique key holding
 * `realmId` (e.g. `id_realmId`), or a clause of a top-level AND.
 */
export function whereRealm(where: unknown, realm: string): boolean | 'other' {
  if (!isObject(where)) return false
  if ('realmId' in where) return namesRealm(where.realmId, realm)
  for (const [key, value] of Object.entries(where)) {
    if (key.includes('realmId') && isObject(value) && 'realmId' in value)
      return namesRealm(value.realmId, realm)
  }
  const and = where.AND
  const clauses = Array.isArray(and) ? and : and ? [and] : []
  for (const clause of clauses) {
    const found = whereRealm(clause, realm)
    if (found) return found
  }
  return false
}

const WHERE_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
  'upsert',
])

const CREATE_OPERATIONS = new Set(['create', 'createMany', 'createManyAndReturn'])

/** Throws RealmGuardError unless the operation is confined to `realm`. */
export function assertRealmScoped(model: string, operation: string, args: unknown, realm: string): void {
  if (GLOBAL_MODELS.has(model)) return
  const a = isObject(args) ? args : {}
  if (WHERE_OPERATIONS.has(operation)) {
    const found = whereRealm(a.where, realm)
    if (found === 'other')
      throw new RealmGuardError(model, operation, `targets another realm than "${realm}"`)
    if (!found) throw new RealmGuardError(model, operation, 'has no realmId in its where clause')
  }
  if (CREATE_OPERATIONS.has(operation) || operation === 'upsert') {
    const data = operation === 'upsert' ? a.create : a.data
    const rows = Array.isArray(data) ? data : [data]
    for (const row of rows) {
      if (!isObject(row) || row.realmId !== realm) {
        throw new RealmGuardError(model, operation, `must set realmId to "${realm}" on every row`)
      }
    }
  }
  const changed = operation === 'upsert' ? a.update : a.data
  if (!CREATE_OPERATIONS.has(operation) && isObject(changed) && 'realmId' in changed) {
    throw new RealmGuardError(model, operation, 'may not change realmId')
  }
}
