/**
 * @module
 * The bundled zh-CN public-holiday calendar, year by year, with make-up working days (调休).
 * Config overrides it whole; an admin adds a year with the holiday import (see holiday-import.ts).
 */

/** Days off, local dates: the State Council's 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04). */
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

/** Make-up working days (调休) of 2026: weekend days that are worked. */
export const zhCnWorkdays2026: readonly string[] = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']

/**
 * 2027's statutory days off (法定节假日) under 全国年节及纪念日放假办法 as revised in 2024 (元旦 1 day,
 * 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on 2027's lunar dates (除夕 5 February,
 * 端午 9 June, 中秋 15 September; 清明 5 April). These days are fixed by law. The State Council's
 * 2027 notice adds the weekday 补假 for statutory days that fall on a weekend (May 1–2, Feb 6–7,
 * Oct 2–3) and the 调休 weekends that bridge them; that notice was not at hand when this was written,
 * so those days are left to the yearly import rather than guessed. Import the notice's schedule
 * (CSV or .ics) on the settings page: it replaces the year's dates.
 */
export const zhCnHolidays2027: readonly string[] = [
  '2027-01-01', // 元旦
  '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', // 春节: 除夕 to 初三
  '2027-04-05', // 清明节
  '2027-05-01', '2027-05-02', // 劳动节
  '2027-06-09', // 端午节
  '2027-09-15', // 中秋节
  '2027-10-01', '2027-10-02', '2027-10-03', // 国庆节
]

/** 2027's make-up working days: none until the State Council's notice is imported (see above). */
export const zhCnWorkdays2027: readonly string[] = []

/** Every bundled year, days off. */
export const zhCnHolidays: readonly string[] = [...zhCnHolidays2026, ...zhCnHolidays2027]
/** Every bundled year, make-up working days. */
export const zhCnWorkdays: readonly string[] = [...zhCnWorkdays2026, ...zhCnWorkdays2027]
