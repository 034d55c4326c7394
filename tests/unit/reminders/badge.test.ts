/**
 * The toolbar badge: the count of what is due, whether or not it was notified, and the button's
 * title that says it in words.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setBadge } from '@/lib/reminders/badge';
import { actOnReminders } from '@/lib/reminders/run';
import { reminderId } from '@/lib/reminders/schedule';
import { inTimeZone } from '../helpers/reminders';
import {
  badgeText,
  dueReview,
  laterReview,
  marchMorning,
  seedGrants,
  staleInvite,
  setUpReminderWorker,
} from '../helpers/reminder-worker';

inTimeZone('Europe/Berlin');

const worker = setUpReminderWorker(marchMorning);
describe('the badge', () => {
  it('shows the count in the button’s title too, and nothing when none is due', async () => {
    await setBadge(1);
    expect(await badgeText()).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Access Companion for TikTok Ads — 1 reminder due',
    );
    await setBadge(12);
    expect(await badgeText()).toBe('12');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Access Companion for TikTok Ads — 12 reminders due',
    );
    await setBadge(0);
    expect(await badgeText()).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Access Companion for TikTok Ads');
  });

  it('the badge counts what is due and drops as items are dealt with', async () => {
    const a = dueReview();
    const b = staleInvite();
    await seedGrants(a, b, laterReview());
    await worker.start();
    expect(await badgeText()).toBe('2');
    await actOnReminders([reminderId('invitation', b.id, '2027-02-27')], 'dismiss', worker.deps());
    expect(await badgeText()).toBe('1');
    await actOnReminders([reminderId('review', a.id, '2027-03-02')], 'markReviewed', worker.deps());
    expect(await badgeText()).toBe('');
  });
});
