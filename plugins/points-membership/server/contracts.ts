/**
 * @module
 * The contracts in this plugin's types: its own, and those of the plugins it listens to or uses
 * (type imports only: plugins never load each other's code). Importing a contract brings its event
 * payloads, profile fields and extension points into `ctx.on`, `ctx.use` and rules.
 */
export type { PointsContract } from '../contract.js'
export type { ComplaintsContract } from '@rapport/plugin-complaint-tracking/contract'
export type { TieringContract } from '@rapport/plugin-tiering/contract'
