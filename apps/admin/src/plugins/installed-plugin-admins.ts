/**
 * @module
 * The admin parts of the plugins this build ships with. The server decides which are enabled;
 * the shell shows a plugin's pages only while it is.
 */
import type { PluginAdmin } from '@rapport/admin-kit'
import churnRiskAdmin from '@rapport/plugin-churn-risk/admin'
import complaintTrackingAdmin from '@rapport/plugin-complaint-tracking/admin'
import pointsMembershipAdmin from '@rapport/plugin-points-membership/admin'
import satisfactionSurveyAdmin from '@rapport/plugin-satisfaction-survey/admin'
import tieringAdmin from '@rapport/plugin-tiering/admin'

export const installedPluginAdmins: readonly PluginAdmin[] = [tieringAdmin, pointsMembershipAdmin, satisfactionSurveyAdmin, churnRiskAdmin, complaintTrackingAdmin]
