/**
 * @module
 * The texts of the customer page's complaint action, merged into the plugin's namespace under
 * `customerAction`.
 */
export const customerActionMessages = {
  en: { open: 'Open complaint', openCase: 'Open it' },
  'zh-CN': { open: '登记投诉', openCase: '查看' },
}
