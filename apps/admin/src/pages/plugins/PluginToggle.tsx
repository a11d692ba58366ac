import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Switch, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { setPluginEnabled } from '../../api/plugins'
import type { Plugin } from '../../api/types'
import { errorMessage } from '@rapport/admin-kit'
import { storePlugin } from './plugin-queries'
import { useCanManagePlugins } from './use-can-manage-plugins'

/**
 * Enables or disables a plugin. Owners and admins only: others see it switched off with a
 * tooltip. A plugin that is enabled but failed also gets a Retry button, which enables it again.
 * Switching off asks first (its pages and routes stop; its data stays). A refusal from the server (`PLUGIN_REQUIRED_BY`, `PLUGIN_ENABLE_FAILED`) shows translated by its code.
 */
export function PluginToggle({ plugin }: { plugin: Plugin }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const canManage = useCanManagePlugins()
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setPluginEnabled(plugin.name, enabled),
    onSuccess: async (updated) => {
      void message.success(t(updated.enabled ? 'plugins.enabledMessage' : 'plugins.disabledMessage', { name: updated.name }))
      await storePlugin(queryClient, updated)
    },
    onError: async (err) => {
      void message.error(errorMessage(t, err))
      await queryClient.invalidateQueries({ queryKey: ['plugins'] })
    },
  })
  const checked = toggle.isPending ? Boolean(toggle.variables) : plugin.enabled
  const control = (
    <Switch
      aria-label={t('plugins.toggleLabel', { name: plugin.name })}
      checked={checked}
      loading={toggle.isPending}
      disabled={!canManage}
      checkedChildren={t('plugins.on')}
      unCheckedChildren={t('plugins.off')}
      onChange={(enabled) => {
        if (enabled) return toggle.mutate(true)
        modal.confirm({
          title: t('plugins.disableConfirm.title', { name: plugin.name }),
          content: t('plugins.disableConfirm.content'),
          okText: t('plugins.disableConfirm.ok'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => toggle.mutate(false),
        })
      }}
    />
  )
  if (!canManage) return <Tooltip title={t('plugins.managersOnly')}>{control}</Tooltip>
  if (plugin.state !== 'failed' || !plugin.enabled) return control
  return (
    <Flex align="center" gap={8}>
      {control}
      <Button size="small" aria-label={t('plugins.retryLabel', { name: plugin.name })} disabled={toggle.isPending} onClick={() => toggle.mutate(true)}>
        {t('plugins.retry')}
      </Button>
    </Flex>
  )
}
