/**
 * @module
 * The default zh-CN public-holiday calendar: the State Council's 2026 schedule (国务院办公厅关于
 * 2026年部分节假日安排的通知), with its make-up working days (调休). Config overrides it whole.
 */

/** Days off, local dates. */
export const zhCnHolidays2026: readonly string[] = [
  // 元旦 New Year
  '2026-01-01', '2026-01-02', '2026-01-03',
  // 春节 Spring Festival
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  // 清明节 Qingming
  '2026-04-04', '2026-04-05', '2026-04-06',
  // 劳动节 Labour Day
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
  // 端午节 Dragon Boat
  '2026-06-19', '2026-06-20', '2026-06-21',
  // 中秋节 Mid-Autumn
  '2026-09-25', '2026-09-26', '2026-09-27',
  // 国庆节 National Day
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
]

/** Make-up working days (调休): weekend days that are worked. */
export const zhCnWorkdays2026: readonly string[] = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']
