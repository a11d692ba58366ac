/**
 * @module
 * The list kit: Ant Design Pro's list conventions on antd 6 (pro-components supports antd 5 at
 * most). A page declares its columns once (`ListColumn`), `useListKit` keeps one person's choices,
 * and `ListToolbar` offers column settings, density, CSV export and saved filters.
 */
export { ListToolbar, type ListToolbarProps } from './ListToolbar'
export { useListKit, type ListKit, type ListKitOptions } from './use-list-kit'
export { csvColumnsOf, orderColumns, type ListColumn } from './list-columns'
export { csvFileName, downloadCsv, rowsToCsv, type CsvColumn } from './csv-export'
export { fetchAllPages, type CursorPage } from './fetch-all-pages'
export { readListSettings, writeListSettings, listSettingsKey, type ListDensity, type ListSettings, type SavedFilter } from './list-settings'
