import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/lib/overlay/store';

describe('CompanionPanel', () => {
  function renderPanel(kind: Parameters<typeof createOverlayStore>[0] = 'bc-members') {
    const store = createOverlayStore(kind);
    const onOpenRegister = vi.fn();
    render(<CompanionPanel store={store} onOpenRegister={onOpenRegister} />);
    return { store, onOpenRegister };
  }

  it('renders the panel for the page kind, named after the page', () => {
    renderPanel('bc-partners');
    const panel = screen.getByTestId('companion-panel');
    expect(panel.getAttribute('data-page-kind')).toBe('bc-partners');
    expect(screen.getByRole('region', { name: 'Access Companion' })).toBe(panel);
    expect(within(panel).getByText('Business Center · Partners')).toBeTruthy();
  });

  it('follows the store when the page kind changes (SPA navigation)', () => {
    const { store } = renderPanel('bc-members');
    act(() => store.getState().setPageKind('bc-asset-access'));
    const panel = screen.getByTestId('companion-panel');
    expect(panel.getAttribute('data-page-kind')).toBe('bc-asset-access');
    expect(within(panel).getByText('Business Center · ad account access')).toBeTruthy();
  });

  it('collapses to a launcher and expands back', () => {
    const { store } = renderPanel();
    const collapse = screen.getByRole('button', { name: 'Collapse' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(collapse);
    expect(screen.queryByTestId('companion-panel')).toBeNull();
    expect(store.getState().collapsed).toBe(true);
    const launcher = screen.getByRole('button', { name: 'Access Companion' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(launcher);
    expect(screen.getByTestId('companion-panel')).toBeTruthy();
    expect(store.getState().collapsed).toBe(false);
    expect(screen.queryByRole('button', { name: 'Access Companion' })).toBeNull();
  });

  it('"Open access register" calls onOpenRegister once', () => {
    const { onOpenRegister } = renderPanel();
    expect(onOpenRegister).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open access register' }));
    expect(onOpenRegister).toHaveBeenCalledTimes(1);
  });
});
