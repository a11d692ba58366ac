import { QueryErrorResult } from '@rapport/admin-kit'
import type { UseQueryResult } from '@tanstack/react-query'
import { Card, Skeleton } from 'antd'
import type { ReactNode } from 'react'

/** A card whose body waits for one query: a skeleton while loading, the error with a retry, then `children(data)`. */
export function QueryCard<T>({ title, query, extra, children }: { title: string; query: UseQueryResult<T>; extra?: ReactNode; children: (data: T) => ReactNode }) {
  return (
    <Card title={title} extra={extra} style={{ height: '100%' }}>
      {query.isPending ? <Skeleton active /> : query.isError ? <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} /> : children(query.data)}
    </Card>
  )
}
