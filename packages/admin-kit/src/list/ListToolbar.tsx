import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons'
import { App, Button, Flex, Tooltip } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/error-message'
import { ColumnSettings } from './ColumnSettings'
import { csvFileName, downloadCsv, rowsToCsv } from './csv-export'
import { DensityPicker } from './DensityPicker'
import { SavedFilters } from './SavedFilters'
import type { ListKit } from './use-list-kit'

/** What the toolbar takes. */
export type ListToolbarProps<T> = {
  kit: ListKit<T, any>
  /** Base of the export's file name: `customers`. */
  exportName: string
  /**
   * The filtered rows to export: the loaded ones, or every page of the filter fetched from the API.
   * Omit for a list whose export is the server's (`serverExport`).
   */
  rows?: () => readonly T[] | Promise<readonly T[]>
  /** The server's own export route for the filtered list, used instead of `rows` (large lists). */
  serverExport?: string
  onReload?: () => void
  /** The page's own filters and buttons, on the left. */
  children?: ReactNode
}

/**
 * Ant Design Pro's list toolbar on antd 6: the page's filters on the left; saved filters, export
 * (CSV of the filtered rows, labels not codes), reload, density and column settings on the right.
 * @example <ListToolbar kit={kit} exportName="customers" rows={() => customers.data?.items ?? []} onReload={() => customers.refetch()} />
 */
export function ListToolbar<T>({ kit, exportName, rows, serverExport, onReload, children }: ListToolbarProps<T>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [exporting, setExporting] = useState(false)
  const exportCsv = async () => {
    if (serverExport) {
      window.location.assign(serverExport)
      return
    }
    setExporting(true)
    try {
      const all = await rows!()
      downloadCsv(rowsToCsv(all, kit.exportColumns), csvFileName(exportName))
      void message.success(t('listKit.exported', { count: all.length }))
    } catch (err) {
      void message.error(errorMessage(t, err))
    } finally {
      setExporting(false)
    }
  }
  return (
    <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }} role="toolbar" aria-label={t('listKit.toolbar')}>
      <Flex wrap gap={8} align="center" style={{ flex: '1 1 auto', minWidth: 0 }}>{children}</Flex>
      <Flex wrap gap={4} align="center">
        <SavedFilters kit={kit} />
        {(rows || serverExport) && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>{t('listKit.export')}</Button>
        )}
        {onReload && (
          <Tooltip title={t('listKit.reload')}>
            <Button type="text" icon={<ReloadOutlined />} aria-label={t('listKit.reload')} onClick={onReload} />
          </Tooltip>
        )}
        <DensityPicker value={kit.size} onChange={kit.setDensity} />
        <ColumnSettings kit={kit} />
      </Flex>
    </Flex>
  )
}
