/**
 * @module
 * The Content-Security-Policy of every page Rapport serves (the admin at /admin, the plugins'
 * customer pages such as /s, /m and /c), sent by Hono's secureHeaders. Scripts come only from the
 * server's own files: no inline script, no eval, no plugin objects, no <base>, never framed, so
 * markup that slips into a page cannot run. Styles may be inline (antd's CSS-in-JS and survey-core
 * set style elements and attributes).
 */
import { secureHeaders } from 'hono/secure-headers'
import type { MiddlewareHandler } from 'hono'

/** The directives, as secureHeaders takes them. */
export type PagePolicy = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>

const common = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
} satisfies PagePolicy

/** The admin: a brand logo may come from any https site; forms post to this server only. */
export const adminPagePolicy: PagePolicy = { ...common, imgSrc: ["'self'", 'https:', 'data:'], formAction: ["'self'"] }

/**
 * A plugin's customer page: images from the page and https (a brand's logo); forms never post
 * anywhere (answers go through fetch). Never framed: the survey widget draws itself into the other
 * site's page from /s/embed.js (a script file, which a page's CSP does not govern), not in a frame.
 */
export const pluginPagePolicy: PagePolicy = { ...common, imgSrc: ["'self'", 'https:', 'data:'], formAction: ["'none'"] }

/**
 * The API reference (/api/docs): Swagger UI from this server's own files, reading the OpenAPI
 * document and sending "Try it out" requests to this server only; its icons are data: images.
 */
export const apiDocsPagePolicy: PagePolicy = { ...common, imgSrc: ["'self'", 'data:'], formAction: ["'none'"] }

/**
 * secureHeaders with `policy` as the Content-Security-Policy; the other headers as core sets them.
 * @example app.use('/admin/*', pageSecurity(adminPagePolicy))
 */
export const pageSecurity = (policy: PagePolicy): MiddlewareHandler => secureHeaders({ contentSecurityPolicy: policy, crossOriginEmbedderPolicy: false })
