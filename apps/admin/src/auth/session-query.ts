/**
 * @module
 * The session as a query: `null` when nobody is signed in. It lives in the admin kit, so plugin
 * pages read the same user and permissions (`useCan`); the shell imports it from here.
 */
export { sessionQuery, sessionQueryKey, useSession } from '@rapport/admin-kit'
