/**
 * @module
 * The extension point satisfaction-survey offers: a place to add delivery channels (SMS, mail,
 * WeChat) besides the built-in webhook. Declared with its type in the contract
 * (`@rapport/plugin-satisfaction-survey/contract`), which other plugins import.
 */
import { contract } from '../contract.js'

/** `extensionPoints` of the definition. @example definePlugin({ ..., extensionPoints }) */
export const extensionPoints = contract.extensionPoints
