/**
 * @module
 * Paths the shell itself navigates to, kept apart from the router so pages can import them
 * without importing every route.
 */

/** The first page after login and for `/admin/`. */
export const defaultPath = '/customers'

/** The login page. */
export const loginPath = '/login'
