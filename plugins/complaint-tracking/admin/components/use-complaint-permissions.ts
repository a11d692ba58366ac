/**
 * @module
 * What the signed-in user may do on complaints, from the routes the server says their role may
 * call (`useCan`): pages show only the actions the server accepts.
 */
import { useCan } from '@rapport/admin-kit'

const base = '/api/p/complaint-tracking'

/** @example const may = useComplaintPermissions(); may.reply && <Composer /> */
export function useComplaintPermissions() {
  const can = useCan()
  return {
    file: can('POST', `${base}/cases`),
    reply: can('POST', `${base}/cases/{id}/messages`),
    assign: can('POST', `${base}/cases/{id}/assignment`),
    move: can('POST', `${base}/cases/{id}/transitions`),
    upload: can('POST', `${base}/cases/{id}/attachments`),
    recordFollowUp: can('POST', `${base}/follow-ups/{id}/attempts`),
    edit: can('PATCH', `${base}/cases/{id}`),
    bulk: can('POST', `${base}/cases/bulk`),
    merge: can('POST', `${base}/cases/{id}/merge`),
    editCannedReplies: can('POST', `${base}/canned-replies`),
    rescheduleFollowUp: can('PATCH', `${base}/follow-ups/{id}`),
  }
}
