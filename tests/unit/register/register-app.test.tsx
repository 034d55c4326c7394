import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterApp } from '@/components/register/RegisterApp';
import { REGISTER_DB_NAME, closeRegisterDb, registerDb, readAllStoredEvents } from '@/lib/register';

describe('RegisterApp', () => {
  // RegisterApp reads the shared database; each test starts from a deleted one. (History events
  // refuse clear(), so the database is closed and deleted rather than emptied.)
  beforeEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
  });

  afterEach(() => {
    closeRegisterDb();
  });

  /** The first line of the "Who" cell and the account name of each row, sorted. */
  function rows(): string[][] {
    const table = screen.getByTestId('grant-table');
    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => {
        const [who, account] = within(tr).getAllByRole('cell');
        return [who!.firstElementChild!.textContent!, account!.firstElementChild!.textContent!];
      })
      .sort();
  }

  async function renderWithSamples() {
    render(<RegisterApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Load sample entries' }));
    // Wait for the whole load, not just the first row, so no write outlives the test.
    await waitFor(async () => expect(await registerDb().grants.count()).toBe(4));
    await screen.findByTestId('grant-table');
  }

  it('shows the empty state when nothing is recorded', async () => {
    render(<RegisterApp />);
    const empty = await screen.findByTestId('register-empty');
    expect(within(empty).getByRole('heading', { name: 'Nothing recorded yet' })).toBeTruthy();
    expect(screen.queryByTestId('grant-table')).toBeNull();
    expect(await registerDb().grants.count()).toBe(0);
  });

  it('"Load sample entries" fills the table with the entries for my accounts', async () => {
    await renderWithSamples();
    expect(screen.queryByTestId('register-empty')).toBeNull();
    expect(await registerDb().grants.count()).toBe(4);
    expect(rows()).toEqual([
      ['Brightlane Agency BC (partner)', 'Northwind Outdoor'],
      ['Dana Kim', 'Northwind Outdoor'],
      ['Sam Ortiz', 'Northwind Outdoor'],
    ]);
    expect(
      within(screen.getByTestId('grant-table')).queryByText('Cedar & Co Apparel – US'),
    ).toBeNull();
  });

  it('switches perspective with a click and shows the client account only there', async () => {
    await renderWithSamples();
    const mine = screen.getByRole('tab', { name: /^People with access to my accounts/ });
    const held = screen.getByRole('tab', { name: /^Client accounts I hold/ });
    expect(mine.getAttribute('aria-selected')).toBe('true');
    expect(held.getAttribute('aria-selected')).toBe('false');

    fireEvent.click(held);
    expect(held.getAttribute('aria-selected')).toBe('true');
    expect(held.tabIndex).toBe(0);
    expect(mine.getAttribute('aria-selected')).toBe('false');
    expect(mine.tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(held.id);
    expect(rows()).toEqual([['Me', 'Cedar & Co Apparel – US']]);

    fireEvent.click(mine);
    expect(mine.getAttribute('aria-selected')).toBe('true');
    expect(rows().map(([who]) => who)).toEqual([
      'Brightlane Agency BC (partner)',
      'Dana Kim',
      'Sam Ortiz',
    ]);
  });

  it('moves between the tabs with the arrow keys, moving focus too', async () => {
    await renderWithSamples();
    const mine = screen.getByRole('tab', { name: /^People with access to my accounts/ });
    const held = screen.getByRole('tab', { name: /^Client accounts I hold/ });
    mine.focus();

    fireEvent.keyDown(mine, { key: 'ArrowRight' });
    expect(held.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(held);
    expect(rows()).toEqual([['Me', 'Cedar & Co Apparel – US']]);

    // From the last tab, ArrowRight wraps to the first.
    fireEvent.keyDown(held, { key: 'ArrowRight' });
    expect(mine.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(mine);
    expect(rows()).toHaveLength(3);

    fireEvent.keyDown(mine, { key: 'ArrowLeft' });
    expect(held.getAttribute('aria-selected')).toBe('true');

    // Other keys do nothing.
    fireEvent.keyDown(held, { key: 'Enter' });
    expect(held.getAttribute('aria-selected')).toBe('true');
  });

  it('starts empty again in the next test (the database was deleted)', async () => {
    render(<RegisterApp />);
    expect(await screen.findByTestId('register-empty')).toBeTruthy();
    expect((await readAllStoredEvents(registerDb())).length).toBe(0);
  });
});
