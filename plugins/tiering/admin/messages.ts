/**
 * @module
 * The texts of tiering's admin pages in every admin language (namespace `tiering`).
 */
export { en, type TieringMessages } from './messages/en'
export { zhCN } from './messages/zh-CN'
