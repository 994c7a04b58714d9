// Errors become what a client sees in one place: the status, the code, field messages and the
// rule that refused (a stable reason code) — never a stack or a database message.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { GroupPlacementError } from '~/domains/group/tree-rules'
import { PostTypeLockedError } from '~/domains/membership/post-type.service'
import { ConflictError, InvalidStateError, NotFoundError } from '~/server/errors'
import { toPublicError } from '~/server/http/error-mapping'
import { createLogger } from '~/server/logger'
import { publicErrorAdapter } from '~/shared/public-error'

const log = createLogger('silent')

describe('toPublicError', () => {
  it('carries the refusing rule of a 409 as its reason, through the wire format too', () => {
    const mapped = toPublicError(new GroupPlacementError('cycle'), log)
    expect({ status: mapped.status, code: mapped.code, reason: mapped.reason }).toEqual({
      status: 409,
      code: 'INVALID_STATE',
      reason: 'cycle',
    })
    const wire = publicErrorAdapter.toSerializable(toPublicError(new PostTypeLockedError('in-use'), log))
    expect(publicErrorAdapter.fromSerializable(wire).reason).toBe('in-use')
    expect(toPublicError(new InvalidStateError('no reason given'), log).reason).toBeUndefined()
  })

  it('keeps field messages for 400 and field conflicts, and hides everything of an unknown error', () => {
    const invalid = z.object({ name: z.string().min(1, { error: 'required' }) }).safeParse({ name: '' })
    if (invalid.success) throw new Error('unreachable')
    expect(toPublicError(invalid.error, log)).toMatchObject({ status: 400, fields: { name: ['required'] } })
    expect(toPublicError(new ConflictError('taken', { name: ['nameTaken'] }), log).fields).toEqual({
      name: ['nameTaken'],
    })
    expect(toPublicError(new NotFoundError('Group', 7), log).status).toBe(404)
    const hidden = toPublicError(new Error('relation "Group" does not exist'), log)
    expect({ status: hidden.status, message: hidden.message, stack: hidden.stack }).toEqual({
      status: 500,
      message: 'Internal error',
      stack: undefined,
    })
  })
})
