/**
 * Reminders: the pure scheduling math, the calendar export and the state kept in
 * the register. The background's wiring (alarms, notifications, badge) is imported from
 * `./background` by the service worker only.
 */
export {
  campaignInfos,
  describeCampaignReminder,
  planCampaignReminders,
  type PlannedCampaignReminder,
} from './campaigns';
export * from './ics';
export * from './schedule';
export * from './state';
