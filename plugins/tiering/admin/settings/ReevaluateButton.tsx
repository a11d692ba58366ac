import { QueryErrorResult, useCan, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Flex, Progress } from 'antd'
import { reevaluateNow } from '../config-api'

/**
 * Runs the full re-evaluation now. The route answers when the run is done and reports no progress
 * on the way, so the bar is indeterminate; afterwards every tiering view reloads. Nothing for roles
 * the server does not let run it.
 */
export function ReevaluateButton() {
  const { t } = usePluginTranslation('tiering')
  const queryClient = useQueryClient()
  const run = useMutation({ mutationFn: reevaluateNow, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tiering'] }) })
  const may = useCan()('POST', '/api/p/tiering/reevaluate')
  if (!may) return null
  return (
    <Flex vertical gap={8}>
      <div><Button onClick={() => run.mutate()} loading={run.isPending}>{t('settings.reevaluate')}</Button></div>
      {run.isPending && (
        <div role="status">
          <Progress percent={100} status="active" showInfo={false} aria-label={t('settings.reevaluating')} />
          {t('settings.reevaluating')}
        </div>
      )}
      {run.isSuccess && <Alert type="success" showIcon role="status" title={t('settings.reevaluated', run.data)} />}
      {run.isError && <QueryErrorResult error={run.error} onRetry={() => run.mutate()} />}
    </Flex>
  )
}
