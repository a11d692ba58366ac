/**
 * @module
 * 投诉管理后台页面的中文文案（命名空间 `complaint-tracking`）。
 */
import type { ComplaintMessages } from './en'

export const zhCN: ComplaintMessages = {
  nav: { cases: '投诉', newCase: '登记投诉', followUps: '回访', analytics: '投诉报表', settings: '投诉设置' },
  status: { new: '新建', open: '处理中', pending_customer: '等待客户', pending_third_party: '等待第三方', resolved: '已解决', closed: '已关闭' },
  priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
  channel: { phone: '电话', email: '邮件', store: '门店', web: '网站', wechat: '微信', other: '其他', link: '客户链接' },
  sla: { ok: '正常', warning: '即将超时', breached: '已超时', none: '无 SLA', left: '剩余 {{time}}', over: '超时 {{time}}', due: '截止 {{at}}' },
  category: {
    product: '产品', 'product/quality': '质量问题', 'product/wrong-item': '发错商品', service: '服务', 'service/staff': '员工态度',
    'service/waiting': '等待时间', delivery: '配送', 'delivery/late': '配送延迟', 'delivery/damaged': '商品损坏', billing: '账单', other: '其他',
  },
  resolution: { refund: '退款', replacement: '换货补发', compensation: '补偿', explained: '已向客户解释', repair: '维修', apology: '致歉', other: '其他' },
  policy: { urgent: '紧急', vip: 'VIP（金钻）', standard: '标准', default: '标准日历' },
  target: { firstResponse: '首次响应', nextUpdate: '下次更新', resolution: '解决' },
  common: {
    any: '全部', save: '保存', cancel: '取消', refresh: '刷新', loadMore: '加载更多', none: '—', unassigned: '未分配',
    yes: '是', no: '否', saved: '已保存', minutes: '{{count}} 分钟',
  },
  list: {
    title: '投诉', intro: '所有投诉，最新的在前。SLA 时间按 {{timeZone}} 的工作时间计算。',
    filters: '筛选', status: '状态', priority: '优先级', category: '类别', channel: '渠道', assignee: '处理人', assigneePlaceholder: '全部',
    sla: 'SLA', id: '编号', customer: '客户', created: '登记时间', description: '描述', empty: '没有符合条件的投诉。',
    newCase: '登记投诉', publicForm: '公开表单',
  },
  detail: {
    back: '全部投诉', title: '投诉：{{category}}', copyId: '复制投诉编号', copied: '已复制投诉编号', description: '描述', customer: '客户', publicContact: '联系方式（公开表单）',
    fields: '概况', channel: '渠道', category: '类别', priority: '优先级', orderRef: '订单', created: '登记时间', createdBy: '登记人',
    assignee: '处理人', resolution: '处理结果', goodwill: '补偿积分', csat: '处理后满意度', reopenCount: '重新打开次数',
    slaTitle: 'SLA（{{policy}}，{{calendar}}）', paused: '已暂停', stopped: '已停止', elapsed: '已用 {{elapsed}} / {{target}} 工作分钟',
    conversation: '沟通记录', reply: '回复客户', note: '内部备注', composerLabel: '内容', visibility: '可见范围', send: '发送回复', addNote: '添加备注',
    replyHint: '回复客户可见；内部备注客户看不到。', internal: '内部', toCustomer: '客户可见', noMessages: '暂无消息。',
    attachments: '附件', upload: '上传文件', uploaded: '已上传', noAttachments: '没有附件。', download: '下载 {{name}}',
    timeline: '处理历史', followUps: '回访',
    assign: '分配', assignTo: '分配给', assignPlaceholder: '选择人员', unassign: '取消分配',
    actions: '变更状态', moveTo: '转为“{{status}}”', reopen: '重新打开', reason: '原因（可选）',
    resolveTitle: '解决投诉', resolutionCode: '处理结果代码', summary: '处理说明', goodwillPoints: '补偿积分（可选）',
    goodwillHint: '最多 {{max}} 分；会员积分插件启用时自动发放。', resolve: '解决',
    history: {
      created: '登记', transition: '状态 {{from}} → {{to}}', assigned: '分配给 {{to}}', message: '消息', sla_escalated: 'SLA 升级',
      goodwill: '发放补偿积分', follow_up_scheduled: '已安排回访', follow_up_recorded: '已记录回访',
      follow_up_cancelled: '已取消回访', attachment: '添加附件', csat: '收到满意度评分',
      follow_up_attempted: '回访电话：未联系到客户', follow_up_escalated: '回访不满意，已升级',
      follow_up_rescheduled: '回访已改期', category_changed: '类别已修改', priority_changed: '优先级已修改', tags_changed: '标签已修改',
    },
  },
  newCase: {
    title: '登记投诉', intro: '登记通过电话、门店或其他渠道收到的投诉。', customer: '客户', customerPlaceholder: '按姓名、邮箱、电话或 ID 搜索',
    channel: '渠道', category: '类别', priority: '优先级', description: '描述', orderRef: '订单号', submit: '提交投诉',
    customerRequired: '请选择客户。', categoryRequired: '请选择类别。', descriptionRequired: '请描述投诉内容。', created: '投诉已登记。',
  },
  followUps: {
    title: '回访', intro: '投诉解决后、回访计划或手动安排的回访电话。逐次记录通话结果；未接通的按工作时间自动安排重拨。',
    due: '已到期', all: '全部待回访', case: '投诉', openCase: '查看投诉', dueAt: '到期时间', status: '状态', record: '记录结果', empty: '没有到期的回访。',
    reached: '已联系到客户', satisfied: '客户满意', notes: '备注', recorded: '回访结果已记录。',
    statusValue: { pending: '待回访', done: '已完成', cancelled: '已取消', unreachable: '无法联系' },
  },
  visits: {
    mineToday: '我今天的回访', reason: '来源', plan: '回访计划', manual: '手动安排', owner: '负责人', attempts: '通话次数',
    call: '记录通话', callTitle: '回访通话', script: '回访话术', earlier: '之前的通话', outcomeLabel: '通话结果',
    outcome: { reached: '已接通', not_reached: '未接通', wrong_number: '号码错误' }, satisfiedYes: '满意', satisfiedNo: '不满意',
    retryAt: '已保存，下次拨打时间 {{at}}。', newTime: '新时间', reschedule: '改期或转交', rescheduled: '回访已更新。',
  },
  settings: {
    title: '投诉设置', intro: 'SLA 策略、工作日历与节假日、投诉类别。每次修改都由服务器校验。',
    general: '常规', reopenWindowDays: '可重新打开的天数', followUpAfterDays: '解决后几天回访', maxGoodwillPoints: '每次解决最多补偿积分',
    openCaseOnDetractor: '为问卷贬损者自动建投诉', publicFormEnabled: '公开投诉表单',
    categories: '类别', policies: 'SLA 策略', calendars: '日历与节假日', json: '以 JSON 编辑',
    jsonLabel: '配置（JSON）', jsonInvalid: 'JSON 格式错误：{{message}}', jsonIntro: '完整配置。类别、策略、日历与节假日等列表在此编辑。',
    invalid: '服务器拒绝了该配置，请查看标出的字段。', issue: '{{path}}：{{message}}',
  },
  analytics: {
    title: '投诉报表', from: '开始', to: '结束', volume: '每日投诉量', volumeChart: '每日投诉量（按类别）',
    byCategory: '按类别', byCategoryChart: '各类别投诉量', byChannel: '按渠道', slaHitRate: '各目标 SLA 达成率', slaChart: '各 SLA 目标的达成比例',
    times: '用时（自然时间，分钟）', firstResponse: '首次响应', resolution: '解决', p50: '中位数', p90: '90 分位', mean: '平均', count: '件数',
    reopenRate: '重新打开率', csat: '处理后满意度', csatCount: '{{count}} 份评分', repeat: '重复投诉客户', repeatCount: '{{count}} 位客户投诉 2 次及以上',
    empty: '此期间没有投诉。',
  },
  widget: { openByPriority: '按优先级的未结投诉', chart: '按优先级的未结投诉', slaHitRate: 'SLA 达成率', filed: '新增', resolved: '已解决' },
  errors: {
    COMPLAINTS_CASE_NOT_FOUND: '该投诉不存在。', COMPLAINTS_CATEGORY_UNKNOWN: '该类别不在类别树中。',
    COMPLAINTS_TRANSITION_NOT_ALLOWED: '当前不能变更为该状态。可选：{{allowed}}。', COMPLAINTS_REOPEN_WINDOW_PASSED: '已超过可重新打开的期限。',
    COMPLAINTS_RESOLUTION_REQUIRED: '需要填写处理结果代码和处理说明。', COMPLAINTS_CASE_CLOSED: '该投诉已关闭。',
    COMPLAINTS_NOTE_NOT_ALLOWED: '客户不能添加内部备注。', COMPLAINTS_GOODWILL_OVER_LIMIT: '补偿积分过多（最多 {{max}}）。',
    COMPLAINTS_GOODWILL_NOT_ALLOWED: '只有解决有客户的投诉时才能发放补偿积分。',
    COMPLAINTS_FOLLOW_UP_NOT_FOUND: '该回访不存在。', COMPLAINTS_FOLLOW_UP_DONE: '该回访已完成、已取消或无法联系。',
    COMPLAINTS_FOLLOW_UP_OUTCOME_INVALID: '只有联系到客户时才能记录满意度。',
    COMPLAINTS_FOLLOW_UP_SATISFACTION_REQUIRED: '请选择客户是否满意。', COMPLAINTS_FOLLOW_UP_OWNER_NOT_FOUND: '请选择一位在职同事作为负责人。',
    COMPLAINTS_ATTACHMENT_TOO_LARGE: '文件过大。', COMPLAINTS_ATTACHMENT_TYPE_NOT_ALLOWED: '不允许该文件类型。',
    COMPLAINTS_ATTACHMENT_CONTENT_MISMATCH: '文件内容与类型不符。', COMPLAINTS_ATTACHMENT_LIMIT_REACHED: '该投诉的附件已达上限。',
    COMPLAINTS_ATTACHMENT_NOT_FOUND: '该附件不存在。', COMPLAINTS_ANALYTICS_RANGE_INVALID: '请选择不超过 366 天、开始早于结束的范围。',
  },
}
