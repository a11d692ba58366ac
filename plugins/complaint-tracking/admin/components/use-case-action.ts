/**
 * @module
 * A mutation on one case that refreshes the case (and the lists) when it succeeds and shows the
 * server's refusal, translated, when it fails.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useComplaintError } from './use-complaint-error'

/** @example const send = useCaseAction(id, (body: string) => postMessage(id, { body, visibility })) */
export function useCaseAction<V>(caseId: string, run: (vars: V) => Promise<unknown>, onDone?: () => void) {
  const client = useQueryClient()
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['complaint-tracking', 'case', caseId] })
      void client.invalidateQueries({ queryKey: ['complaint-tracking', 'cases'] })
      onDone?.()
    },
    onError: (err) => void message.error(messageOf(err)),
  })
}
