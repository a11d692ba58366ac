/**
 * @module
 * The texts of the customer page's points action, merged into the plugin's namespace under
 * `customerAction`.
 */
export const customerActionMessages = {
  en: { notMember: 'This customer is not a points member yet. Enrol them to adjust their points.', enrol: 'Enrol' },
  'zh-CN': { notMember: '该客户还不是积分会员。请先入会再调整积分。', enrol: '入会' },
}
