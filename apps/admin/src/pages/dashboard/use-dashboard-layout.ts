/**
 * @module
 * The signed-in user's dashboard layout, read once and saved on the server.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { dashboardLayoutQueryKey, getDashboardLayout, saveDashboardLayout, type WidgetPlacement } from '../../api/dashboard'

/** @example const layout = useDashboardLayout(); layout.save(widgets, close) */
export function useDashboardLayout() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const query = useQuery({ queryKey: dashboardLayoutQueryKey, queryFn: ({ signal }) => getDashboardLayout(signal), staleTime: Number.POSITIVE_INFINITY })
  const mutation = useMutation({
    mutationFn: saveDashboardLayout,
    onSuccess: (saved) => {
      client.setQueryData(dashboardLayoutQueryKey, saved)
      void message.success(t('dashboard.layoutSaved'))
    },
  })
  return {
    data: query.data,
    saving: mutation.isPending,
    save: (widgets: WidgetPlacement[], done: () => void) => mutation.mutate(widgets, { onSuccess: done }),
  }
}
