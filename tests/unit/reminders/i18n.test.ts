/**
 * The reminders speak the browser's language: notifications, the .ics file and the options page
 * take every word from public/_locales. Spanish is checked directly, and a pseudo-locale (each
 * message replaced by its key) shows that no English is left in the options page's components.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DueReminders } from '@/components/options/DueReminders';
import { IcsExport } from '@/components/options/IcsExport';
import { ReminderSettingsForm } from '@/components/options/ReminderSettingsForm';
import { REGISTER_DB_NAME, closeRegisterDb, registerDb } from '@/lib/register';
import { notificationFor } from '@/lib/reminders/notifications';
import { upcomingReviewsIcs } from '@/lib/reminders/ics';
import {
  addDays,
  describeReminder,
  localDay,
  planReminders,
  startOfDay,
} from '@/lib/reminders/schedule';
import { ACCOUNT, PERSON, info, makeGrant, settings } from '../helpers/reminders';
import { englishLeft, pseudo, spanish } from '../helpers/locale';

const now = new Date(2027, 2, 19, 10);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reminders in Spanish', () => {
  it('a single review notification', () => {
    spanish();
    const g = makeGrant({ nextReviewOn: '2027-03-02' });
    const [r] = planReminders([info(g)], [], settings(), now).due;
    expect(describeReminder(r!, now)).toEqual({
      title: 'Revisar acceso: Dana Kim',
      message:
        'Standard · Operator en Northwind Outdoor (Business Center 7012345678901234567). Revisión pendiente desde el 2027-03-02 (cada 90 días): mantener, reducir o revocar.',
    });
  });

  it('a grouped notification, its lines and its overflow line', () => {
    spanish();
    const grants = Array.from({ length: 8 }, () => makeGrant({ nextReviewOn: '2027-03-02' }));
    const { due } = planReminders(grants.map(info), [], settings(), now);
    const { title, message } = notificationFor(due, now, true);
    expect(title).toBe('8 recordatorios de acceso');
    const lines = message.split('\n');
    expect(lines[0]).toBe('Revisión: Dana Kim (Standard · Operator)');
    expect(lines.at(-1)).toBe('…y 2 más');
  });

  it('counts are written as the browser language writes numbers', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    const g = makeGrant({ nextReviewOn: '2027-03-02', reviewCadenceDays: 3650 });
    const [r] = planReminders([info(g)], [], settings(), now).due;
    expect(describeReminder(r!, now).message).toContain('(every 3,650 days)');
  });

  it('a contract that ended yesterday', () => {
    spanish();
    const g = makeGrant({ contractEndsOn: '2027-03-18', nextReviewOn: '2028-01-01' });
    const r = planReminders([info(g)], [], settings(), now).due.find((x) => x.kind === 'contract');
    expect(describeReminder(r!, now).title).toBe('El contrato terminó hace 1 día: Dana Kim');
  });

  it('the calendar file', () => {
    spanish();
    const ics = upcomingReviewsIcs(
      [info(makeGrant({ nextReviewOn: '2027-04-01' }))],
      settings(),
      now,
      '2027-03-19',
    ).replace(/\r\n /g, '');
    expect(ics).toContain('X-WR-CALNAME:Revisiones de acceso');
    expect(ics).toContain('SUMMARY:Revisar acceso: Dana Kim');
    expect(ics).toContain('DESCRIPTION:Standard · Operator en Northwind Outdoor');
  });
});

describe('the options page takes every word from the messages', () => {
  beforeEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
  });
  afterEach(() => {
    closeRegisterDb();
  });

  it('the reminder settings form, with its errors shown', async () => {
    pseudo();
    const { container } = render(createElement(ReminderSettingsForm, { initial: settings() }));
    fireEvent.change(container.querySelector('input[name="defaultCadenceDays"]')!, {
      target: { value: 'soon' },
    });
    fireEvent.click(screen.getByRole('button', { name: '«options_settings_save»' }));
    await screen.findByText('«options_settings_error_cadence»');
    expect(englishLeft(container)).toEqual([]);
  });

  it('the calendar export', () => {
    pseudo();
    const { container } = render(createElement(IcsExport, { settings: settings() }));
    expect(englishLeft(container)).toEqual([]);
  });

  it('the due list with a review and an invitation, and the review form open', async () => {
    pseudo();
    const db = registerDb();
    await db.accounts.put(ACCOUNT);
    await db.parties.put(PERSON);
    // The due list reads the real clock: one review due yesterday, one invitation a month old.
    const today = localDay(new Date());
    await db.grants.bulkPut([
      makeGrant({ nextReviewOn: addDays(today, -1) }),
      makeGrant({
        status: 'invited',
        invitedAt: startOfDay(addDays(today, -30)).toISOString(),
        acceptedAt: null,
      }),
    ]);
    const { container } = render(createElement(DueReminders, { settings: settings() }));
    await waitFor(() => expect(container.querySelectorAll('.due-item')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '«options_due_lower»' }));
    await screen.findByRole('button', { name: /«options_due_record\(/ });
    expect(englishLeft(container)).toEqual([]);
  });
});
