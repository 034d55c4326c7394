/**
 * Reminders: the pure scheduling math, the calendar export and the state kept in
 * the register. What runs in the background (`./run`, with `./alarms`, `./notifications` and
 * `./badge`) is imported by the service worker's listeners only.
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
