/**
 * @module
 * English texts of complaint-tracking's admin pages (namespace `complaint-tracking`).
 */
export const en = {
  nav: { cases: 'Complaints', newCase: 'New complaint', followUps: 'Follow-up visits', cannedReplies: 'Canned replies', analytics: 'Complaint reports', settings: 'Complaint settings' },
  status: { new: 'New', open: 'Open', pending_customer: 'Waiting on customer', pending_third_party: 'Waiting on third party', resolved: 'Resolved', closed: 'Closed' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  channel: { phone: 'Phone', email: 'Email', store: 'Store', web: 'Web', wechat: 'WeChat', other: 'Other', link: 'Customer link' },
  sla: { ok: 'On time', warning: 'At risk', breached: 'Breached', none: 'No SLA', left: '{{time}} left', over: '{{time}} over', due: 'due {{at}}' },
  /** Labels of the default categories, by id; a category renamed in the settings shows its own label. */
  category: {
    product: 'Product', 'product/quality': 'Quality', 'product/wrong-item': 'Wrong item', service: 'Service', 'service/staff': 'Staff behaviour',
    'service/waiting': 'Waiting time', delivery: 'Delivery', 'delivery/late': 'Late', 'delivery/damaged': 'Damaged', billing: 'Billing', other: 'Other',
  },
  /** The standard resolution codes; another code is shown as stored. */
  resolution: { refund: 'Refund', replacement: 'Replacement', compensation: 'Compensation', explained: 'Explained to the customer', repair: 'Repair', apology: 'Apology', other: 'Other' },
  /** Names of the default SLA policies and calendar; others show their id. */
  policy: { urgent: 'Urgent', vip: 'VIP (Diamond)', standard: 'Standard', default: 'Standard calendar' },
  target: { firstResponse: 'First response', nextUpdate: 'Next update', resolution: 'Resolution' },
  common: {
    any: 'Any', save: 'Save', cancel: 'Cancel', refresh: 'Refresh', loadMore: 'Load more', none: '—', unassigned: 'Unassigned',
    yes: 'Yes', no: 'No', saved: 'Saved', minutes: '{{count}} min',
  },
  list: {
    title: 'Complaints', intro: 'Every case, newest first. SLA times count business hours in {{timeZone}}.',
    filters: 'Filters', status: 'Status', priority: 'Priority', category: 'Category', channel: 'Channel', assignee: 'Assignee', assigneePlaceholder: 'Anyone',
    sla: 'SLA', id: 'Case', customer: 'Customer', created: 'Filed', description: 'Description', empty: 'No cases match these filters.',
    newCase: 'New complaint', publicForm: 'Public form',
  },
  detail: {
    back: 'All complaints', title: 'Complaint: {{category}}', copyId: 'Copy the case id', copied: 'Case id copied', description: 'Description', customer: 'Customer', publicContact: 'Contact (public form)',
    fields: 'Case', channel: 'Channel', category: 'Category', priority: 'Priority', orderRef: 'Order', created: 'Filed', createdBy: 'Filed by',
    assignee: 'Assignee', resolution: 'Resolution', goodwill: 'Goodwill points', csat: 'CSAT after resolution', reopenCount: 'Reopened',
    slaTitle: 'SLA ({{policy}}, {{calendar}})', paused: 'paused', stopped: 'stopped', elapsed: '{{elapsed}} of {{target}} business minutes',
    conversation: 'Conversation', reply: 'Reply to the customer', note: 'Internal note', composerLabel: 'Message', visibility: 'Who sees it', send: 'Send reply', addNote: 'Add note',
    replyHint: 'Replies are shown to the customer; internal notes are not.', internal: 'Internal', toCustomer: 'To customer', noMessages: 'No messages yet.',
    attachments: 'Attachments', upload: 'Upload files', uploaded: 'Uploaded', noAttachments: 'No attachments.', download: 'Download {{name}}',
    timeline: 'History', followUps: 'Follow-up visits',
    assign: 'Assign', assignTo: 'Assign to', assignPlaceholder: 'Pick a person', unassign: 'Unassign',
    actions: 'Change status', moveTo: 'Move to “{{status}}”', reopen: 'Reopen', reason: 'Reason (optional)',
    resolveTitle: 'Resolve the complaint', resolutionCode: 'Resolution code', summary: 'Summary', goodwillPoints: 'Goodwill points (optional)',
    goodwillHint: 'At most {{max}} points; credited by the membership programme when it is on.', resolve: 'Resolve',
    history: {
      created: 'Filed', transition: 'Status {{from}} → {{to}}', assigned: 'Assigned to {{to}}', message: 'Message', sla_escalated: 'SLA escalation',
      goodwill: 'Goodwill points granted', follow_up_scheduled: 'Follow-up visit scheduled', follow_up_recorded: 'Follow-up visit recorded',
      follow_up_cancelled: 'Follow-up visit cancelled', attachment: 'Attachment added', csat: 'CSAT received',
      follow_up_attempted: 'Follow-up call: customer not reached', follow_up_escalated: 'Escalated: not satisfied at the follow-up visit',
      follow_up_rescheduled: 'Follow-up visit rescheduled', merged: 'Merged into another complaint', merged_from: 'A duplicate was merged into this complaint', fields_changed: 'Fields changed', category_changed: 'Category changed', priority_changed: 'Priority changed', tags_changed: 'Tags changed',
    },
  },
  newCase: {
    title: 'New complaint', intro: 'Record a complaint taken by phone, in a store or elsewhere.', customer: 'Customer', customerPlaceholder: 'Search by name, email, phone or id',
    channel: 'Channel', category: 'Category', priority: 'Priority', description: 'Description', orderRef: 'Order reference', submit: 'File complaint',
    customerRequired: 'Choose a customer.', categoryRequired: 'Choose a category.', descriptionRequired: 'Describe the complaint.', created: 'Complaint filed.',
  },
  canned: {
    title: 'Canned replies', intro: 'Ready answers agents insert into a reply, in Chinese or English, for a category (and its sub-categories) or every case.',
    add: 'Add a canned reply', edit: 'Edit', delete: 'Delete', confirmDelete: 'Delete this canned reply?', none: 'No canned replies yet.', insert: 'Insert a canned reply',
    titleLabel: 'Title', body: 'Text', language: 'Language', locale: { 'zh-CN': 'Chinese', en: 'English' }, everyCase: 'Every case',
    categoryHint: 'Offered on cases of this category and its sub-categories.', titleRequired: 'Give it a title.', bodyRequired: 'Write the reply.',
  },
  views: { myQueue: 'My queue', saved_views: 'Saved views', save: 'Save these filters', delete: 'Delete this view', name: 'Name of the view', saved: 'View saved.' },
  bulk: {
    selectAll: 'Select all', select: 'Select {{number}}',
    selected: '{{count}} selected', assign: 'Assign to', status: 'Change status to', tag: 'Add a tag', apply: 'Apply',
    done: 'Done for {{count}} cases.', partly: 'Done for {{done}}; {{refused}} refused: {{reason}}',
  },
  merge: {
    title: 'Merge a duplicate', intro: 'If this complaint repeats another of the same customer, merge it into that one: this case is closed and points to it; both keep their history.',
    number: 'Case number of the complaint to keep', action: 'Merge', confirm: 'Close this case and merge it into that one?', done: 'Merged.',
    notFound: 'No complaint {{number}}.', mergedInto: 'This complaint was merged into another as a duplicate.', openSurvivor: 'Open the complaint kept',
  },
  followUps: {
    title: 'Follow-up visits (回访)', intro: 'Calls after a resolution, from visit plans, or scheduled by hand. Record each call; an unanswered one is tried again on business hours.',
    due: 'Due now', all: 'All pending', case: 'Case', openCase: 'Open the case', dueAt: 'Due', status: 'Status', record: 'Record outcome', empty: 'No visits due.',
    reached: 'Customer reached', satisfied: 'Customer satisfied', notes: 'Notes', recorded: 'Outcome recorded.',
    statusValue: { pending: 'Pending', done: 'Done', cancelled: 'Cancelled', unreachable: 'Unreachable' },
  },
  visits: {
    mineToday: 'My visits due today', reason: 'For', plan: 'Visit plan', manual: 'Scheduled by hand', owner: 'Owner', attempts: 'Calls',
    call: 'Record a call', callTitle: 'Follow-up call', script: 'Call script', earlier: 'Earlier calls', outcomeLabel: 'How did the call go?',
    outcome: { reached: 'Reached', not_reached: 'Not reached', wrong_number: 'Wrong number' }, satisfiedYes: 'Satisfied', satisfiedNo: 'Not satisfied',
    retryAt: 'Saved. Next try {{at}}.', newTime: 'New time', reschedule: 'Reschedule or hand over', rescheduled: 'Visit updated.',
  },
  settings: {
    title: 'Complaint settings', intro: 'SLA policies, business calendars and holidays, and the category tree. The server checks every change.',
    general: 'General', reopenWindowDays: 'Reopen window (days)', followUpAfterDays: 'Follow-up visit after (days)', maxGoodwillPoints: 'Most goodwill points per resolution',
    openCaseOnDetractor: 'Open a case for survey detractors', publicFormEnabled: 'Public complaint form',
    categories: 'Categories', policies: 'SLA policies', calendars: 'Calendars and holidays', json: 'Edit as JSON',
    jsonLabel: 'Configuration (JSON)', jsonInvalid: 'Not valid JSON: {{message}}', jsonIntro: 'The whole configuration. Lists (categories, policies, calendars, holiday sets) are edited here.',
    invalid: 'The server refused the configuration; see the marked fields.', issue: '{{path}}: {{message}}',
  },
  analytics: {
    title: 'Complaint reports', from: 'From', to: 'To', volume: 'Complaints per day', volumeChart: 'Complaints per day, by category',
    byCategory: 'By category', byCategoryChart: 'Complaints by category', byChannel: 'By channel', slaHitRate: 'SLA hit rate by target', slaChart: 'Share of SLA targets met, by target',
    times: 'Times (wall clock, minutes)', firstResponse: 'First response', resolution: 'Resolution', p50: 'Median', p90: '90th percentile', mean: 'Mean', count: 'Cases',
    reopenRate: 'Reopen rate', csat: 'CSAT after resolution', csatCount: '{{count}} answers', repeat: 'Repeat complainers', repeatCount: '{{count}} customers with 2 or more cases',
    empty: 'No complaints in this range.',
  },
  slaBy: {
    title: 'SLA by agent, category and channel', intro: 'Business days in {{timeZone}}. Targets still running past their deadline count as missed.',
    groupBy: 'Group by', agent: 'Agent', category: 'Category', channel: 'Channel', target: 'Target', total: 'Targets', met: 'Met',
    running: 'Breached, still running', rate: 'Hit rate', mean: 'Mean business minutes', export: 'Export CSV',
  },
  sla_extra: { unknownAgent: 'Former colleague' },
  fields: { title: 'More about this case', required: '{{field}} is needed to file this complaint' },
  widget: { openByPriority: 'Open complaints by priority', chart: 'Open complaints by priority', slaHitRate: 'SLA hit rate', filed: 'Filed', resolved: 'Resolved' },
  errors: {
    COMPLAINTS_FIELD_UNKNOWN: 'This field does not belong to the case category.', COMPLAINTS_FIELD_INVALID: 'The value of {{field}} is not valid.',
    COMPLAINTS_CASE_MERGED: 'This complaint was already merged into another.', COMPLAINTS_MERGE_INVALID: 'Only two different complaints of the same customer can be merged.',
    COMPLAINTS_CANNED_REPLY_NOT_FOUND: 'This canned reply does not exist.', COMPLAINTS_VIEW_NOT_FOUND: 'This saved view does not exist.',
    COMPLAINTS_CASE_NOT_FOUND: 'This complaint does not exist.', COMPLAINTS_CATEGORY_UNKNOWN: 'This category is not in the category tree.',
    COMPLAINTS_TRANSITION_NOT_ALLOWED: 'That status change is not allowed now. Allowed: {{allowed}}.', COMPLAINTS_REOPEN_WINDOW_PASSED: 'The reopen window has passed.',
    COMPLAINTS_RESOLUTION_REQUIRED: 'A resolution code and a summary are needed.', COMPLAINTS_CASE_CLOSED: 'The complaint is closed.',
    COMPLAINTS_NOTE_NOT_ALLOWED: 'Customers cannot post internal notes.', COMPLAINTS_GOODWILL_OVER_LIMIT: 'Too many goodwill points (at most {{max}}).',
    COMPLAINTS_GOODWILL_NOT_ALLOWED: 'Goodwill points go only with a resolution of a case with a customer.',
    COMPLAINTS_FOLLOW_UP_NOT_FOUND: 'This follow-up visit does not exist.', COMPLAINTS_FOLLOW_UP_DONE: 'This visit is already done, cancelled or unreachable.',
    COMPLAINTS_FOLLOW_UP_OUTCOME_INVALID: 'Satisfaction can only be recorded when the customer was reached.',
    COMPLAINTS_FOLLOW_UP_SATISFACTION_REQUIRED: 'Say whether the customer is satisfied.', COMPLAINTS_FOLLOW_UP_OWNER_NOT_FOUND: 'Pick an active colleague as the owner.',
    COMPLAINTS_ATTACHMENT_TOO_LARGE: 'A file is too large.', COMPLAINTS_ATTACHMENT_TYPE_NOT_ALLOWED: 'This file type is not allowed.',
    COMPLAINTS_ATTACHMENT_CONTENT_MISMATCH: 'The file content does not match its type.', COMPLAINTS_ATTACHMENT_LIMIT_REACHED: 'The case has as many files as allowed.',
    COMPLAINTS_ATTACHMENT_NOT_FOUND: 'This attachment does not exist.', COMPLAINTS_ANALYTICS_RANGE_INVALID: 'Choose a range of at most 366 days, start before end.',
  },
}

/** The shape every language follows. */
export type ComplaintMessages = typeof en
