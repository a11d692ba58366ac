/**
 * @module
 * The member page's texts in zh-CN and en.
 */
export const messages = {
  'zh-CN': {
    title: '我的积分', memberNo: '会员号 {memberNo}', since: '{date} 入会', balance: '积分余额', available: '可用 {n}', pending: '待生效 {n}',
    debt: '欠分 {n}，将从之后获得的积分中扣还。', tier: '会员等级', expiring: '即将过期', expiringRow: '{date} 过期', noExpiring: '近期没有积分过期。',
    history: '最近积分记录', noHistory: '还没有积分记录。', order: '订单 {orderId}', rewards: '可兑换的奖励', noRewards: '积分暂不足以兑换奖励。',
    cost: '{n} 积分', redeemHint: '兑换后出示券码即可使用。', lifetime: '累计获得 {n} 积分',
    redeem: '兑换', redeemConfirm: '用 {n} 积分兑换「{name}」？', confirm: '确认兑换', cancel: '取消', redeeming: '兑换中…',
    voucher: '兑换成功！券码 {code}，{date} 前有效。',
    redeemErrors: {
      POINTS_INSUFFICIENT_BALANCE: '可用积分不足。', POINTS_OUT_OF_STOCK: '该奖励已兑完。', POINTS_REWARD_LIMIT_REACHED: '已达到该奖励的兑换上限。',
      POINTS_REWARD_TIER_NOT_ALLOWED: '该奖励仅限其他会员等级兑换。', POINTS_MEMBER_NOT_ACTIVE: '会员当前不能兑换。', POINTS_REWARD_NOT_FOUND: '该奖励已下架。', other: '兑换失败，请稍后再试。',
    },
    status: { active: '正常', suspended: '会员已暂停：暂时不能获得或使用积分。', closed: '会员已关闭。' },
    kinds: { earn: '消费获得', spend: '积分兑换', revoke: '退款扣回', adjust: '积分调整', expire: '积分过期', restore: '兑换取消退回' },
    tiers: { diamond: '金钻', silver: '白银', bronze: '铜', iron: '铁' },
    kindsReward: { voucher: '代金券', discount: '折扣', gift: '礼品' },
    wallet: {
      title: '我的券', none: '还没有券，兑换奖励后会出现在这里。', hint: '在门店出示二维码或券码即可使用。', unnamed: '奖励',
      amountOff: '立减 {amount}', percentOff: '{percent}% 折扣', qrLabel: '券码 {code} 的二维码', codeLabel: '券码 {code}',
      validUntil: '{date} 前有效', expiredOn: '{date} 到期', usedOn: '{date} 已使用',
      status: { issued: '可使用', used: '已使用', void: '已作废', expired: '已过期' },
      toNextSpend: '再消费 {amount} 即可升级为{tier}（按近 {days} 天计）。', toNextPoints: '再获得 {amount} 即可升级为{tier}。', progressLabel: '升级到{tier}的进度',
      topTier: '您已是最高等级。', reviewAt: '等级将于 {date} 复核。', withinDays: '{days} 天内过期',
      referTitle: '邀请好友', referHint: '好友注册或首次下单时出示此推荐码，首单完成后你们都会获得奖励。', referCodeLabel: '我的推荐码 {code}', referred: '已邀请 {n} 人，{rewarded} 人已完成首单',
    },
    loading: '加载中…', language: 'English', languageLabel: '切换语言',
    errors: {
      link: '此链接无效或已过期，请向门店索取新链接。', expired: '此链接已过期，请向门店索取新链接。', used: '此链接已被使用过，请向门店索取新链接。',
      wrongPage: '此链接不是用来打开此页面的。请打开我们发给您的积分链接。', member: '您还不是会员。', other: '暂时无法加载，请稍后再试。', retry: '重试',
    },
  },
  en: {
    title: 'My points', memberNo: 'Member {memberNo}', since: 'Member since {date}', balance: 'Points balance', available: '{n} available', pending: '{n} pending',
    debt: 'You owe {n} points; they come off your next points.', tier: 'Tier', expiring: 'Expiring soon', expiringRow: 'Expire on {date}', noExpiring: 'No points expire soon.',
    history: 'Recent activity', noHistory: 'No activity yet.', order: 'Order {orderId}', rewards: 'Rewards you can get', noRewards: 'Not enough points for a reward yet.',
    cost: '{n} points', redeemHint: 'Show the voucher code in store to use it.', lifetime: '{n} points earned in total',
    redeem: 'Redeem', redeemConfirm: 'Spend {n} points on “{name}”?', confirm: 'Redeem now', cancel: 'Cancel', redeeming: 'Redeeming…',
    voucher: 'Done! Voucher {code}, valid until {date}.',
    redeemErrors: {
      POINTS_INSUFFICIENT_BALANCE: 'Not enough points available.', POINTS_OUT_OF_STOCK: 'This reward is out of stock.', POINTS_REWARD_LIMIT_REACHED: 'You have reached the limit for this reward.',
      POINTS_REWARD_TIER_NOT_ALLOWED: 'This reward is for other tiers.', POINTS_MEMBER_NOT_ACTIVE: 'Your membership cannot redeem right now.', POINTS_REWARD_NOT_FOUND: 'This reward is no longer offered.', other: 'The reward could not be redeemed. Try again later.',
    },
    status: { active: 'Active', suspended: 'Your membership is suspended: points cannot be earned or used for now.', closed: 'Your membership is closed.' },
    kinds: { earn: 'Earned', spend: 'Redeemed', revoke: 'Refund', adjust: 'Adjustment', expire: 'Expired', restore: 'Redemption cancelled' },
    tiers: { diamond: 'Diamond', silver: 'Silver', bronze: 'Bronze', iron: 'Iron' },
    kindsReward: { voucher: 'Voucher', discount: 'Discount', gift: 'Gift' },
    wallet: {
      title: 'My vouchers', none: 'No vouchers yet. Rewards you redeem appear here.', hint: 'Show the QR code or the code in store to use a voucher.', unnamed: 'Reward',
      amountOff: '{amount} off', percentOff: '{percent}% off', qrLabel: 'QR code of voucher {code}', codeLabel: 'Voucher code {code}',
      validUntil: 'Valid until {date}', expiredOn: 'Expired on {date}', usedOn: 'Used on {date}',
      status: { issued: 'Ready to use', used: 'Used', void: 'Cancelled', expired: 'Expired' },
      toNextSpend: 'Spend {amount} more to reach {tier} (counted over {days} days).', toNextPoints: 'Earn {amount} more to reach {tier}.', progressLabel: 'Progress to {tier}',
      topTier: 'You are in the top tier.', reviewAt: 'Your tier is reviewed on {date}.', withinDays: 'Within {days} days',
      referTitle: 'Invite a friend', referHint: 'Your friend gives this code when they sign up or place their first order; you both get a reward once that order completes.', referCodeLabel: 'My referral code {code}', referred: '{n} invited, {rewarded} with a first order',
    },
    loading: 'Loading…', language: '中文', languageLabel: 'Change language',
    errors: {
      link: 'This link is not valid or has expired. Ask the store for a new one.', expired: 'This link has expired. Ask the store for a new one.', used: 'This link was already used. Ask the store for a new one.',
      wrongPage: 'This link is not for this page. Open the points link we sent you.', member: 'You are not a member yet.', other: 'The page could not load. Try again later.', retry: 'Try again',
    },
  },
} as const

export type Language = keyof typeof messages
export type Messages = (typeof messages)[Language]

/** Replaces `{name}` placeholders. @example fill('{n} points', { n: '120' }) // '120 points' */
export const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
