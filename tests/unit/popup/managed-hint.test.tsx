import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManagedInBcHint } from '@/components/popup/ManagedInBcHint';

describe('ManagedInBcHint', () => {
  it('on Ads Manager, says access is managed in Business Center and links to its Members', () => {
    render(<ManagedInBcHint kind="ads-manager" orgId="7012345678901234567" />);
    expect(screen.getByTestId('managed-in-bc').textContent).toMatch(/managed in Business Center/);
    expect(
      screen
        .getByRole('link', { name: 'Open this Business Center’s Members' })
        .getAttribute('href'),
    ).toBe('https://business.tiktok.com/manage/users/members?org_id=7012345678901234567');
  });

  it('without a known Business Center there is no link', () => {
    render(<ManagedInBcHint kind="ads-manager" orgId={null} />);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says nothing on access pages', () => {
    const { container } = render(<ManagedInBcHint kind="bc-members" orgId="7012345678901234567" />);
    expect(container.textContent).toBe('');
  });
});
