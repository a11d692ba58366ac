/**
 * @module
 * The texts of the customer page's points action, merged into the plugin's namespace under
 * `customerAction`.
 */
export const customerActionMessages = {
  en: { notMember: 'This customer is not a points member yet. Enrol them to adjust their points.', enrol: 'Enrol' },
  'zh-CN': { notMember: '该客户还不是积分会员。请先入会再调整积分。', enrol: '入会' },
}

/** The texts of the event bonus's segment choice, merged under `bonusSegment`. */
export const bonusSegmentMessages = {
  en: { label: 'Only segment', any: 'Every member', deleted: 'Deleted segment {{id}}' },
  'zh-CN': { label: '仅限分群', any: '全部会员', deleted: '已删除的分群 {{id}}' },
}
