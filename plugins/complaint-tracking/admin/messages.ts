/**
 * @module
 * The texts of complaint-tracking's admin pages in every admin language.
 */
export { en, type ComplaintMessages } from './messages/en'
export { zhCN } from './messages/zh-CN'
