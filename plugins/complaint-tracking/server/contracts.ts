/**
 * @module
 * The contracts in this plugin's types: its own, satisfaction-survey's (its answers open cases and
 * record CSAT) and tiering's (the tier a case's customer has) — type imports only: plugins never
 * load each other's code.
 */
export type { ComplaintsContract } from '../contract.js'
export type { SatisfactionContract } from '@rapport/plugin-satisfaction-survey/contract'
export type { TieringContract } from '@rapport/plugin-tiering/contract'
