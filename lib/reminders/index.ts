/**
 * Reminders: the pure scheduling math, the calendar export, the settings and the state kept in
 * the register. The background's wiring (alarms, notifications, badge) is imported from
 * `./background` by the service worker only.
 */
export * from './ics';
export * from './schedule';
export * from './settings';
export * from './state';
