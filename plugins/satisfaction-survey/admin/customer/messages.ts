/**
 * @module
 * The texts of the customer page's survey action, merged into the plugin's namespace under
 * `customerAction`.
 */
export const customerActionMessages = {
  en: {
    sendLink: 'Send survey link', sendLinkTitle: 'Send a survey link to this customer', survey: 'Survey',
    surveyPlaceholder: 'Pick a published survey', noPublished: 'No published survey', createLink: 'Create link', done: 'Done',
  },
  'zh-CN': {
    sendLink: '发送问卷链接', sendLinkTitle: '向该客户发送问卷链接', survey: '问卷',
    surveyPlaceholder: '选择已发布的问卷', noPublished: '没有已发布的问卷', createLink: '生成链接', done: '完成',
  },
}
