/**
 * @module
 * Texts of the settings forms (business hours, holidays, SLA policies), namespace key `settingsForm`.
 */
const en = {
  tabs: { hours: 'Business hours', holidays: 'Holidays', policies: 'SLA policies', advanced: 'Advanced: JSON' },
  advancedIntro: 'The whole configuration as stored, read-only. Change it with the forms.',
  save: 'Save', saved: 'Saved', refused: 'The server refused the change; see the marked fields.',
  serverMessages: {
    'ranges of a day may not overlap': 'The times of a day overlap.', 'a range ends after it starts': 'A time range must end after it starts.',
    'at least one day has working hours': 'At least one day needs working hours.',
  },
  hours: {
    intro: 'SLA clocks count only these hours, in the calendar’s time zone.', calendar: 'Calendar', defaultCalendar: 'Standard calendar',
    timeZone: 'Time zone', holidaySet: 'Public holidays', holidayNone: 'None', open: 'Open', closed: 'Closed', from: 'From', to: 'To',
    addRange: 'Add hours', removeRange: 'Remove these hours', copyMonday: 'Copy Monday to Tuesday–Friday',
    makeUp: 'Make-up working days (调休)', makeUpSame: 'Same hours as Monday', day: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  },
  holidays: {
    intro: 'Days off (法定节假日) and make-up working days (调休) by year. Click a day to change it: working → day off → make-up working day.',
    set: 'Holiday calendar', setZhCN: 'Mainland China public holidays', year: 'Year', holiday: 'Day off', workday: 'Make-up working day',
    counts: '{{holidays}} days off, {{workdays}} make-up working days in {{year}}', empty: 'No holidays recorded for {{year}}: every weekday counts as working time.',
    import: 'Import a year', importTitle: 'Import holidays', format: 'File type', csv: 'CSV', ics: 'iCalendar (.ics)', upload: 'Choose a file',
    paste: 'Or paste the file', csvHelp: 'One date a line: date, 休 or 班 (or holiday / workday), name. Example: 2027-02-06,休,春节',
    icsHelp: 'All-day events; titles with 班 (补班, 上班) are make-up working days.', preview: 'Preview', apply: 'Replace {{year}} and save',
    previewTitle: '{{year}}: {{holidays}} days off, {{workdays}} make-up working days', refusedTitle: 'The file was refused', line: 'Line {{line}}: {{message}}', whole: 'File: {{message}}',
    date: 'Date', kind: 'Kind', name: 'Name', weekdays: 'M,T,W,T,F,S,S',
  },
  policies: {
    intro: 'The first policy that matches a case sets its SLA targets. Targets are in business time on the policy’s calendar.',
    policy: 'Policy {{n}}', categories: 'Categories', priorities: 'Priorities', tiers: 'Customer tiers', any: 'Any', calendar: 'Calendar',
    firstResponse: 'First response', nextUpdate: 'Next update', resolution: 'Resolution', minutes: 'minutes', hours: 'hours', unit: 'Unit',
    warning: 'Warn at', warningHelp: 'Share of a target after which it is at risk.', onWarning: 'When at risk', onBreach: 'When breached',
    notify: 'Notify the assignee', raisePriority: 'Raise the priority', reassign: 'Reassign to', up: 'Move up', down: 'Move down', remove: 'Remove policy', add: 'Add a policy',
    tier: { diamond: 'Diamond', silver: 'Silver', bronze: 'Bronze', iron: 'Iron' },
  },
}

export type SettingsFormMessages = typeof en

const zhCN: SettingsFormMessages = {
  tabs: { hours: '营业时间', holidays: '节假日', policies: 'SLA 策略', advanced: '高级：JSON' },
  advancedIntro: '当前保存的完整配置，只读。请通过表单修改。',
  save: '保存', saved: '已保存', refused: '服务器拒绝了此次修改，请查看标出的字段。',
  serverMessages: {
    'ranges of a day may not overlap': '同一天的时间段有重叠。', 'a range ends after it starts': '时间段的结束时间必须晚于开始时间。',
    'at least one day has working hours': '至少有一天需要设置营业时间。',
  },
  hours: {
    intro: 'SLA 计时只计算以下营业时间，按日历所在时区。', calendar: '日历', defaultCalendar: '标准日历',
    timeZone: '时区', holidaySet: '法定节假日', holidayNone: '不使用', open: '营业', closed: '休息', from: '开始', to: '结束',
    addRange: '添加时间段', removeRange: '删除此时间段', copyMonday: '将周一复制到周二至周五',
    makeUp: '调休上班日', makeUpSame: '与周一相同', day: { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' },
  },
  holidays: {
    intro: '按年份设置法定节假日与调休上班日。点击日期切换：工作日 → 休息日 → 调休上班日。',
    set: '节假日日历', setZhCN: '中国大陆法定节假日', year: '年份', holiday: '休息日', workday: '调休上班日',
    counts: '{{year}} 年：休息 {{holidays}} 天，调休上班 {{workdays}} 天', empty: '{{year}} 年尚未录入节假日：所有工作日都按上班计时。',
    import: '导入年度安排', importTitle: '导入节假日', format: '文件类型', csv: 'CSV', ics: 'iCalendar（.ics）', upload: '选择文件',
    paste: '或粘贴文件内容', csvHelp: '每行一个日期：日期，休 或 班（也可写 holiday / workday），名称。例如：2027-02-06,休,春节',
    icsHelp: '全天事件；标题含“班”（补班、上班）的为调休上班日。', preview: '预览', apply: '替换 {{year}} 年并保存',
    previewTitle: '{{year}} 年：休息 {{holidays}} 天，调休上班 {{workdays}} 天', refusedTitle: '文件未通过校验', line: '第 {{line}} 行：{{message}}', whole: '文件：{{message}}',
    date: '日期', kind: '类型', name: '名称', weekdays: '一,二,三,四,五,六,日',
  },
  policies: {
    intro: '按顺序匹配，第一个符合的策略决定投诉的 SLA 目标。时限按策略所用日历的营业时间计算。',
    policy: '策略 {{n}}', categories: '投诉类别', priorities: '优先级', tiers: '客户等级', any: '全部', calendar: '日历',
    firstResponse: '首次响应', nextUpdate: '下次更新', resolution: '解决', minutes: '分钟', hours: '小时', unit: '单位',
    warning: '预警比例', warningHelp: '用时达到目标的该比例时进入预警。', onWarning: '预警时', onBreach: '超时时',
    notify: '通知处理人', raisePriority: '提高优先级', reassign: '转派给', up: '上移', down: '下移', remove: '删除策略', add: '添加策略',
    tier: { diamond: '金钻', silver: '白银', bronze: '铜', iron: '铁' },
  },
}

export const settingsFormMessages = { en, 'zh-CN': zhCN }
