/**
 * @module
 * The table of contents of core's HTTP API: each area contributes its routes.
 */
import { apiKeyRoutes } from './auth/api-key-routes.js'
import { auditRoutes } from './audit/audit-routes.js'
import { authRoutes } from './auth/auth-routes.js'
import { userRoutes } from './auth/user-routes.js'
import { staffRoutes } from './auth/staff-routes.js'
import { customerRoutes } from './customers/customer-routes.js'
import { dashboardRoutes } from './dashboard/dashboard-routes.js'
import { profileRoutes } from './profile/profile-routes.js'
import { linkRoutes } from './links/link-routes.js'
import { deliveryRoutes } from './deliveries/delivery-routes.js'
import { jobRoutes } from './jobs/job-routes.js'
import { eventRoutes } from './events/event-routes.js'
import { healthRoutes } from './http/health-routes.js'
import { importRoutes } from './imports/import-routes.js'
import { segmentRoutes } from './segments/segment-routes.js'
import { messagingRoutes } from './messaging/index.js'
import type { CoreRoute, RouteInfo } from './http/define-route.js'
import type { CoreServices } from './services.js'

/** Every core route; `listRoutes` answers what the app serves (for the signed-in user's permissions). @example for (const r of coreRoutes(services, () => app.routes)) mount(r) */
export function coreRoutes(s: CoreServices, listRoutes: () => readonly RouteInfo[] = () => []): CoreRoute[] {
  return [...healthRoutes(s), ...authRoutes(s, listRoutes), ...userRoutes(s), ...staffRoutes(s), ...apiKeyRoutes(s), ...customerRoutes(s), ...profileRoutes(s), ...linkRoutes(s), ...eventRoutes(s), ...importRoutes(s), ...deliveryRoutes(s), ...jobRoutes(s), ...dashboardRoutes(s), ...segmentRoutes(s), ...auditRoutes(s), ...messagingRoutes(s)]
}
