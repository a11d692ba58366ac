/**
 * @module
 * Texts of the results page's analysis: estimates by group with intervals, and comparisons.
 */

export const analysisMessages = {
  en: {
    title: 'Scores by group', byTier: 'Value tier', bySegment: 'RFM segment', byChannel: 'Channel', groupBy: 'Group by',
    group: 'Group', unset: 'Not set', answers: 'Answers', nps: 'NPS', csatTop2: 'CSAT top-2-box', cesTop2: 'CES top-2-box',
    npsMethod: 'NPS = % promoters (9–10) − % detractors (0–6). The 95% interval comes from the variance of the answers coded +1 (promoter), 0 (passive) and −1 (detractor).',
    boxMethod: 'Share of answers in the top two values (CSAT 4–5 of 1–5, CES 6–7 of 1–7, where 7 is “very easy”). The 95% interval is Wilson’s score interval, which stays between 0% and 100% even for few answers.',
    interval: '95% interval {{low}} to {{high}}', chart: 'NPS by group', noGroups: 'No scored answers in this range',
    compareGroups: 'Compare two groups', groupA: 'First group', groupB: 'Second group',
    period: 'This range against the previous one', periodHint: '{{from}} – {{to}} against {{prevFrom}} – {{prevTo}}',
    metric: 'Score', thisRange: 'This range', previousRange: 'Previous range', change: 'Change', pValue: 'p-value', verdict: 'Verdict',
    testMethod: 'Two-sided tests at the 5% level: NPS by the z-test of the difference of the −1/0/+1 means, the top-2-boxes by the two-proportion z-test with the pooled share.',
    significantUp: 'Significantly higher (p = {{p}}): unlikely to be chance.',
    significantDown: 'Significantly lower (p = {{p}}): unlikely to be chance.',
    notSignificant: 'No significant difference (p = {{p}}): it may be chance.',
    untestable: 'Not enough answers to test.',
    smallSample: 'Fewer than 30 answers on a side: read the test with care.',
  },
  'zh-CN': {
    title: '分组得分', byTier: '价值等级', bySegment: 'RFM 分群', byChannel: '渠道', groupBy: '分组方式',
    group: '分组', unset: '未设置', answers: '答卷数', nps: 'NPS', csatTop2: 'CSAT 前两项占比', cesTop2: 'CES 前两项占比',
    npsMethod: 'NPS = 推荐者（9–10 分）占比 − 贬损者（0–6 分）占比。95% 置信区间由答案按 +1（推荐者）、0（被动者）、−1（贬损者）编码后的方差算出。',
    boxMethod: '落在最高两档的答案占比（CSAT 1–5 分中的 4–5 分，CES 1–7 分中的 6–7 分，7 为“非常容易”）。95% 置信区间采用 Wilson 区间，样本很少时也不会超出 0%–100%。',
    interval: '95% 置信区间 {{low}} 至 {{high}}', chart: '各分组 NPS', noGroups: '此范围内没有评分答卷',
    compareGroups: '比较两个分组', groupA: '第一组', groupB: '第二组',
    period: '本期与上一期对比', periodHint: '{{from}} – {{to}} 对比 {{prevFrom}} – {{prevTo}}',
    metric: '指标', thisRange: '本期', previousRange: '上一期', change: '变化', pValue: 'p 值', verdict: '结论',
    testMethod: '双侧检验，显著性水平 5%：NPS 采用 −1/0/+1 均值之差的 z 检验，前两项占比采用合并比例的两比例 z 检验。',
    significantUp: '显著更高（p = {{p}}）：不太可能是偶然。',
    significantDown: '显著更低（p = {{p}}）：不太可能是偶然。',
    notSignificant: '差异不显著（p = {{p}}）：可能只是偶然。',
    untestable: '答卷不足，无法检验。',
    smallSample: '有一方答卷少于 30 份：请谨慎解读检验结果。',
  },
}
