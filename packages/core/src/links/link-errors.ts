import { defineErrors, registerErrors } from '../errors/rapport-error.js'

/** Errors of signed customer links. */
export const linkErrors = defineErrors('LINK', {
  INVALID: { status: 401, message: () => 'The link is not valid' },
  EXPIRED: { status: 401, message: () => 'The link has expired; ask for a new one' },
  USED: { status: 401, message: () => 'The link was already used' },
  WRONG_CUSTOMER: { status: 403, message: () => 'This link belongs to another customer' },
  WRONG_PURPOSE: { status: 403, message: (d: { purpose: string; needs: string }) => `This link opens ${d.purpose} pages, not ${d.needs} pages` },
  PURPOSE_UNKNOWN: { status: 422, message: (d: { purpose: string }) => `No enabled plugin ${d.purpose} has customer pages to link to` },
})

registerErrors('LINK', linkErrors)
