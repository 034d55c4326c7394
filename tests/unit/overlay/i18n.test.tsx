/**
 * The in-page overlay speaks the browser's language: with a pseudo-locale (each message replaced
 * by its key) no English is left in the panel, whatever state it shows; Spanish is checked
 * directly for a checklist step and the advice.
 */
import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/lib/overlay/store';
import { reconcile } from '@/lib/overlay/reconcile';
import { recordRequests } from '@/lib/overlay/record-request';
import { troubleshootView } from '@/lib/overlay/troubleshoot';
import type { AccessRow } from '@/lib/tiktok';
import type { ChecklistId } from '@/lib/checklists';
import {
  adminCountAdvice,
  assetRoleAdvice,
  bcRoleAdvice,
  emailAdvice,
  ownershipNote,
} from '@/lib/tiktok';
import { CHECKLISTS, startChecklist } from '@/lib/checklists';
import { englishLeft, pseudo, spanish } from '../helpers/locale';

const noop = () => undefined;

/** The error the record step shows when nothing was seen on the page (or a stand-in). */
function recordErrorFor(id: ChecklistId): string {
  const r = recordRequests(
    id,
    {},
    {
      orgId: '1',
      bcName: null,
      advertiserId: null,
      pageHeading: null,
      rows: [],
    },
  );
  return 'error' in r ? r.error : '«stand-in»';
}
const now = new Date(2027, 2, 19, 10);

function panel(setup: (store: ReturnType<typeof createOverlayStore>) => void) {
  const store = createOverlayStore('bc-members');
  setup(store);
  return render(<CompanionPanel store={store} onOpenRegister={noop} />);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the overlay takes every word from the messages', () => {
  it('the idle panel with its checklist menu and the reconcile card open', () => {
    pseudo();
    const row: AccessRow = {
      kind: 'member',
      name: 'Dana Kim',
      email: 'dana@example.com',
      status: 'active',
      bcRole: 'admin',
    };
    const findings = reconcile({ rows: [row], complete: true, problems: [] }, [], {
      orgId: '1',
      bcName: null,
      now,
      kind: 'member',
    });
    const { container } = panel((s) =>
      s
        .getState()
        .set({ reconcile: [...findings, ...findings.map((f) => ({ ...f, key: `${f.key}2` }))] }),
    );
    // The checklists are offered at once (no fold to open).
    expect(container.querySelector('[data-testid=checklist-menu] ul')).not.toBeNull();
    const card = container.querySelector<HTMLDetailsElement>('[data-testid=reconcile-card]')!;
    act(() => {
      card.open = true;
      fireEvent(card, new Event('toggle'));
    });
    expect(card.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelectorAll('[data-checklist]').length).toBeGreaterThan(0);
    expect(englishLeft(container)).toEqual([]);
  });

  it.each(CHECKLISTS.map((c) => c.id))('every step of %s, as current, manual and done', (id) => {
    pseudo();
    const c = CHECKLISTS.find((x) => x.id === id)!;
    for (const [i] of c.steps.entries()) {
      const progress = {
        ...startChecklist(id as ChecklistId, now),
        done: c.steps.slice(0, i).map((s) => s.id),
      };
      const { container, unmount } = panel((s) =>
        s.getState().set({
          progress,
          unrecognised: c.steps.map((x) => x.id),
          target: { top: 1, left: 1, width: 1, height: 1 },
          advice: [...bcRoleAdvice('admin'), ownershipNote()],
          recordError: recordErrorFor(id as ChecklistId),
        }),
      );
      expect(container.querySelectorAll('.ac-advice li')).toHaveLength(3);
      expect(englishLeft(container)).toEqual([]);
      unmount();
    }
    const finished = {
      ...startChecklist(id as ChecklistId, now),
      done: c.steps.map((s) => s.id),
      recordedGrantIds: ['g'],
    };
    const { container } = panel((s) => s.getState().set({ progress: finished }));
    expect(englishLeft(container)).toEqual([]);
  });

  it('the collapsed launcher', () => {
    pseudo();
    const { container } = panel((s) => s.getState().set({ collapsed: true }));
    expect(englishLeft(container)).toEqual([]);
  });
});

describe('the overlay in Spanish', () => {
  it('a checklist step and its advice', () => {
    spanish();
    const { container } = panel((s) =>
      s
        .getState()
        .set({ progress: startChecklist('add-member', now), advice: assetRoleAdvice(['admin']) }),
    );
    expect(container.textContent).toContain('Abre Miembros');
    expect(container.textContent).toContain('Operator basta para gestionar campañas.');
    expect(container.textContent).toContain('Abandonar la lista');
  });

  it('the email check and the Admin count', () => {
    spanish();
    expect(emailAdvice('dana@gmial.com', [], []).map((a) => a.text)).toEqual([
      '¿Querías decir @gmail.com? Has escrito @gmial.com.',
    ]);
    expect(
      emailAdvice('dana@example.com', [], [{ email: 'dana@example.com', status: 'revoked' }])[0]
        ?.text,
    ).toBe('dana@example.com ya está en tu registro (revocado).');
    const admin: AccessRow = {
      kind: 'member',
      name: 'A',
      email: 'a@x.com',
      status: 'active',
      bcRole: 'admin',
    };
    expect(adminCountAdvice([admin], admin)[0]?.text).toMatch(
      /^Esto dejaría este Business Center sin ningún Admin activo/,
    );
  });
});

describe('the troubleshoot card and the reminder note', () => {
  // Page data without letters, so that whatever English is left came from the code.
  const rows: AccessRow[] = [{ kind: 'member', name: '', email: '1@2.3', status: 'pending' }];
  const view = (status: AccessRow['status']) =>
    troubleshootView(
      [{ ...rows[0]!, status }],
      [
        {
          grantId: '00000000-0000-4000-8000-000000000001',
          rev: 1,
          partyKind: 'person',
          partyName: '',
          email: '1@2.4',
          bcId: null,
          accountKind: 'businessCenter',
          accountExternalId: '7012345678901234567',
          bcRole: 'standard',
          assetRole: null,
          status: 'invited',
          invitedAt: null,
        },
      ],
      { name: '', email: '1@2.3' },
    );

  it.each(['pending', 'active', 'expired', 'unknown'] as const)(
    'with the page showing them %s, no English is left',
    (status) => {
      pseudo();
      const { container } = panel((s) =>
        s.getState().set({
          progress: startChecklist('troubleshoot', now),
          troubleshoot: view(status),
          hintedFor: '—',
        }),
      );
      expect(container.querySelector('[data-testid=troubleshoot-diagnosis]')).not.toBeNull();
      expect(container.querySelectorAll('optgroup')).toHaveLength(2);
      expect(englishLeft(container)).toEqual([]);
    },
  );

  it('in Spanish', () => {
    spanish();
    const { container } = panel((s) =>
      s
        .getState()
        .set({ progress: startChecklist('troubleshoot', now), troubleshoot: view('pending') }),
    );
    expect(container.textContent).toContain('¿De quién se trata?');
    expect(container.textContent).toContain('Correo en la página de TikTok: 1@2.3');
    expect(container.textContent).toContain('Las dos direcciones no coinciden.');
  });
});
