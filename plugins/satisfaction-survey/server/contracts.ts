/**
 * @module
 * The contracts in this plugin's types: its own, and complaint-tracking's, whose resolved cases
 * trigger CSAT invitations (type imports only: plugins never load each other's code).
 */
export type { SatisfactionContract } from '../contract.js'
export type { ComplaintsContract } from '@rapport/plugin-complaint-tracking/contract'
