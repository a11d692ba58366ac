/**
 * @module
 * The contracts in this plugin's types: its own, and those of every plugin whose events or
 * extension points move the churn score (type imports only: plugins never load each other's code).
 */
export type { ChurnRiskContract } from '../contract.js'
export type { ComplaintsContract } from '@rapport/plugin-complaint-tracking/contract'
export type { PointsContract } from '@rapport/plugin-points-membership/contract'
export type { SatisfactionContract } from '@rapport/plugin-satisfaction-survey/contract'
export type { TieringContract } from '@rapport/plugin-tiering/contract'
