/**
 * @module
 * The contracts in this plugin's types: its own, and those of the plugins whose events move a
 * tier or a ladder step (type imports only: plugins never load each other's code).
 */
export type { TieringContract } from '../contract.js'
export type { ComplaintsContract } from '@rapport/plugin-complaint-tracking/contract'
export type { PointsContract } from '@rapport/plugin-points-membership/contract'
export type { SatisfactionContract } from '@rapport/plugin-satisfaction-survey/contract'
