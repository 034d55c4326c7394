/**
 * "Update all" in the reconcile card asks in the panel (never with the browser's confirm box):
 * what will change and how many entries, Confirm or Cancel, the focus moved into the question
 * and back, Escape cancels, and nothing is applied before the user's yes.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/lib/overlay/store';
import { reconcile } from '@/lib/overlay/reconcile';
import type { AccessRow } from '@/lib/tiktok';
import { englishLeft, pseudo, spanish } from '../helpers/locale';

const now = new Date(2027, 2, 19, 10);
const row = (name: string, email: string): AccessRow => ({
  kind: 'member',
  name,
  email,
  status: 'active',
  bcRole: 'admin',
});

/** The findings for people on the page the register does not hold (each one update). */
function findings(rows: AccessRow[]) {
  return reconcile({ rows, complete: true, problems: [] }, [], {
    orgId: '7012345678901234567',
    bcName: null,
    now,
    kind: 'member',
  });
}

function setUp(rows = [row('Dana Kim', 'dana@example.com'), row('Lee Wong', 'lee@example.org')]) {
  const store = createOverlayStore('bc-members');
  store.getState().set({ reconcile: findings(rows) });
  const onReconcile = vi.fn();
  // The browser's confirm box, were anything to call it.
  const confirmBox = vi.fn(() => true);
  vi.stubGlobal('confirm', confirmBox);
  window.confirm = confirmBox;
  render(<CompanionPanel store={store} onOpenRegister={vi.fn()} onReconcile={onReconcile} />);
  const card = screen.getByTestId('reconcile-card') as HTMLDetailsElement;
  act(() => {
    card.open = true;
    fireEvent(card, new Event('toggle'));
  });
  return { store, onReconcile, confirmBox, card };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Update all asks in the panel', () => {
  it('says what will change and how many, takes the focus, and applies only on Confirm', () => {
    const { onReconcile, confirmBox, card } = setUp();
    const updateAll = within(card).getByRole('button', { name: 'Update all (2)' });
    fireEvent.click(updateAll);
    const question = screen.getByRole('alertdialog', {
      name: 'Update 2 entries of the register to match what this page shows? Each change is kept in its history.',
    });
    // What will change: each entry, in the question itself (its description).
    const changes = within(question).getAllByRole('listitem');
    expect(changes.map((c) => c.textContent)).toEqual([
      expect.stringContaining('dana@example.com'),
      expect.stringContaining('lee@example.org'),
    ]);
    const description = document.getElementById(question.getAttribute('aria-describedby')!);
    expect(description?.textContent).toContain('lee@example.org');
    // The focus starts on the answer that changes nothing; nothing is applied yet.
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    expect(onReconcile).not.toHaveBeenCalled();
    // The button that asked is gone while the question is open (no second question).
    expect(within(card).queryByRole('button', { name: 'Update all (2)' })).toBeNull();

    fireEvent.click(within(question).getByRole('button', { name: 'Update 2 entries' }));
    expect(onReconcile).toHaveBeenCalledTimes(1);
    const [keys, confirmed] = onReconcile.mock.calls[0]!;
    expect(keys).toHaveLength(2);
    expect(confirmed).toBe(true);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The focus goes back into the card (its summary), not lost to the document.
    expect(document.activeElement).toBe(card.querySelector('summary'));
    expect(confirmBox).not.toHaveBeenCalled();
  });

  it('Cancel and Escape apply nothing and give the focus back to "Update all"', () => {
    const { onReconcile, confirmBox, card } = setUp();
    fireEvent.click(within(card).getByRole('button', { name: 'Update all (2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(
      within(card).getByRole('button', { name: 'Update all (2)' }),
    );

    fireEvent.click(within(card).getByRole('button', { name: 'Update all (2)' }));
    const question = screen.getByRole('alertdialog');
    // Escape from anywhere in the question (here its Confirm button) cancels it, and goes no
    // further: the panel's own Escape (back to the page) is not what the user asked for.
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    fireEvent.keyDown(within(question).getByRole('button', { name: 'Update 2 entries' }), {
      key: 'Escape',
    });
    document.removeEventListener('keydown', outer);
    expect(outer).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(
      within(card).getByRole('button', { name: 'Update all (2)' }),
    );
    expect(onReconcile).not.toHaveBeenCalled();
    expect(confirmBox).not.toHaveBeenCalled();
  });

  it('asks only about what the page still shows when the answer comes', () => {
    const dana = row('Dana Kim', 'dana@example.com');
    const lee = row('Lee Wong', 'lee@example.org');
    const sam = row('Sam Ortiz', 'sam@example.net');
    const { store, onReconcile, card } = setUp([dana, lee, sam]);
    fireEvent.click(within(card).getByRole('button', { name: 'Update all (3)' }));
    // The page changed under the question: Sam is no longer a finding.
    act(() => store.getState().set({ reconcile: findings([dana, lee]) }));
    const question = screen.getByRole('alertdialog', { name: /^Update 2 entries/ });
    expect(question.textContent).not.toContain('sam@example.net');
    fireEvent.click(within(question).getByRole('button', { name: 'Update 2 entries' }));
    const [keys] = onReconcile.mock.calls[0]!;
    expect(keys).toEqual(findings([dana, lee]).map((f) => f.key));
  });

  it('closing the card drops the question', () => {
    const { onReconcile, card } = setUp();
    fireEvent.click(within(card).getByRole('button', { name: 'Update all (2)' }));
    act(() => {
      card.open = false;
      fireEvent(card, new Event('toggle'));
    });
    act(() => {
      card.open = true;
      fireEvent(card, new Event('toggle'));
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(card).getByRole('button', { name: 'Update all (2)' })).toBeTruthy();
    expect(onReconcile).not.toHaveBeenCalled();
  });

  it('takes every word of the question and of the keyboard hint from the messages', () => {
    pseudo();
    // Page text without letters, so whatever English is left came from the code.
    const { card } = setUp([row('', '1@2.3'), row('', '4@5.6')]);
    fireEvent.click(within(card).getByRole('button', { name: '«overlay_updateAll(2)»' }));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(englishLeft(card)).toEqual([]);
    for (const shortcut of ['⌃⇧K', '']) {
      const { container, unmount } = render(
        <CompanionPanel
          store={createOverlayStore('bc-members')}
          onOpenRegister={vi.fn()}
          shortcut={shortcut}
        />,
      );
      expect(container.querySelector('[data-testid=keyboard-hint]')).not.toBeNull();
      expect(englishLeft(container)).toEqual([]);
      unmount();
    }
  });

  it('asks in Spanish', () => {
    spanish();
    const { card } = setUp();
    fireEvent.click(within(card).getByRole('button', { name: 'Actualizar todo (2)' }));
    const question = screen.getByRole('alertdialog', {
      name: /^¿Actualizar 2 entradas del registro/,
    });
    expect(within(question).getByRole('button', { name: 'Actualizar 2 entradas' })).toBeTruthy();
    expect(within(question).getByRole('button', { name: 'Cancelar' })).toBeTruthy();
  });
});
