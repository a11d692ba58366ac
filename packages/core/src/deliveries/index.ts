/**
 * @module
 * After-commit deliveries: queued with the event, run by workers at least once with retries.
 */
export { enqueueDeliveries } from './enqueue-deliveries.js'
export { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.js'
export { deliveryRoutes } from './delivery-routes.js'
export { deliveryBackoff, MAX_BACKOFF_MS } from './delivery-backoff.js'
export { listDeliveries, type ListDeliveriesQuery } from './list-deliveries.js'
export { DELIVERY_RETENTION_MS, pruneDeliveries } from './prune-deliveries.js'
export { retryDelivery } from './retry-delivery.js'
export { DELIVERY_STATES, DEFAULT_MAX_ATTEMPTS, subscriberName, type Delivery, type DeliveryState } from './delivery-row.js'
