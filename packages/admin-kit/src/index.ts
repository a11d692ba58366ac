/**
 * @module
 * `@rapport/admin-kit`: what the admin shell and every plugin's admin pages share.
 */
export { ApiError, apiRequest, isApiError, type ApiRequestOptions, type QueryParams } from './api/client'
export {
  CUSTOMER_NAMES_PER_CALL, createCustomerNameLoader, fetchCustomerNames, type CustomerName as CustomerNameRecord, type CustomerNameLoader, type FetchCustomerNames,
} from './api/customer-name-loader'
export { getHealth, type Health } from './api/health'
export { fetchSession, sessionQuery, sessionQueryKey, useSession, type SessionUser } from './auth/session'
export { can, useCan, type RouteMethod } from './auth/use-can'
export { DateRangeField, DateRangeFieldProvider, type DateRangeFieldProps, type DayRange } from './dates/DateRangeField'
export { EChart } from './charts/EChart'
export { FeedbackSummaryCard, type FeedbackSummary } from './feedback/FeedbackSummaryCard'
export { CustomerName, customerLabel } from './components/CustomerName'
export { profileFieldsQuery, useProfileFieldLabels, type ProfileFieldInfo } from './profile/profile-fields'
export { StaffName } from './staff/StaffName'
export { StaffSelect } from './staff/StaffSelect'
export { parsePersonRef, staffQuery, TEAM_PREFIX, useStaff, type PersonRef, type StaffMember } from './staff/staff'
export { PageLoading } from './components/PageLoading'
export { PeriodChange, type PeriodChangeProps } from './components/PeriodChange'
export { QueryErrorResult } from './components/QueryErrorResult'
export { formatDate, formatDateTime } from './format/format-date-time'
export { formatMoney } from './format/format-money'
export { useBusinessTimeZone, browserTimeZone } from './hooks/use-business-time-zone'
export { customerNameQueryKey, useCustomerNames } from './hooks/use-customer-names'
export { useDebouncedValue } from './hooks/use-debounced-value'
export { useFormatters } from './hooks/use-formatters'
export { codedErrorMessage, errorMessage } from './i18n/error-message'
export { usePluginTranslation, type PluginT } from './i18n/use-plugin-translation'
export {
  definePluginAdmin, pluginPagePath,
  type CustomerActionProps, type DashboardScopeView, type LazyCustomerAction, type LazyPage, type LazyWidget, type Messages, type PluginAdmin, type PluginPage, type WidgetProps,
} from './plugin-admin'
export {
  ListToolbar, useListKit, fetchAllPages, csvColumnsOf, orderColumns, csvFileName, downloadCsv, rowsToCsv, readListSettings, writeListSettings, listSettingsKey,
  type ListToolbarProps, type CursorPage, type ListKit, type ListKitOptions, type ListColumn, type CsvColumn, type ListDensity, type ListSettings, type SavedFilter,
} from './list'
