import { DateRangeFieldProvider } from '@rapport/admin-kit'
import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntdApp } from 'antd'
import { useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { RangePickerField } from './dates/RangePickerField'
import { AntdLocaleProvider } from './i18n/AntdLocaleProvider'
import { queryClient } from './query-client'
import { createAdminRouter } from './router'

/** The admin root: query client, antd locale and theme, the date range picker pages share, then the router. */
export function App() {
  const [router] = useState(createAdminRouter)
  return (
    <QueryClientProvider client={queryClient}>
      <AntdLocaleProvider>
        <AntdApp>
          <DateRangeFieldProvider value={RangePickerField}>
            <RouterProvider router={router} />
          </DateRangeFieldProvider>
        </AntdApp>
      </AntdLocaleProvider>
    </QueryClientProvider>
  )
}
