import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import type { GrantView } from '@/lib/register/grants';
import { listGrantViews } from '@/lib/register/grants';
import { registerDb } from '@/lib/register/db';
import { loadSampleRegister } from '@/lib/register/sample';
import { Brand } from '../shared/Brand';
import { describeRoles, formatDay } from '../shared/format';

type Perspective = 'mine' | 'held';

const PERSPECTIVES: { id: Perspective; label: string }[] = [
  { id: 'mine', label: 'People with access to my accounts' },
  { id: 'held', label: 'Client accounts I hold' },
];

function belongsTo(view: GrantView, perspective: Perspective): boolean {
  const held = view.account?.ownership === 'client' && view.party?.isMe === true;
  return perspective === 'held' ? held : !held;
}

function partyLabel(view: GrantView): string {
  const p = view.party;
  if (!p) return 'Unknown';
  const who = p.name || p.email || (p.bcId ? `Partner BC ${p.bcId}` : 'Unnamed');
  return p.kind === 'partnerBc' ? `${who} (partner)` : who;
}

/** The full-page register: both perspectives of who holds access to what. */
export function RegisterApp() {
  const views = useLiveQuery(() => listGrantViews(registerDb()));
  const [perspective, setPerspective] = useState<Perspective>('mine');
  const tabRefs = useRef<Record<Perspective, HTMLButtonElement | null>>({ mine: null, held: null });

  // Arrow keys move between tabs (WAI-ARIA Authoring Practices, "Tabs").
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next: Perspective = perspective === 'mine' ? 'held' : 'mine';
    setPerspective(next);
    tabRefs.current[next]?.focus();
    event.preventDefault();
  };

  const shown = views?.filter((v) => belongsTo(v, perspective));

  return (
    <div className="register">
      <header className="register-header">
        <Brand />
        <h1>Access register</h1>
      </header>
      <main>
        <div role="tablist" aria-label="Perspective" className="tabs">
          {PERSPECTIVES.map((p) => (
            <button
              key={p.id}
              ref={(el) => {
                tabRefs.current[p.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${p.id}`}
              aria-selected={perspective === p.id}
              aria-controls="register-panel"
              tabIndex={perspective === p.id ? 0 : -1}
              onClick={() => setPerspective(p.id)}
              onKeyDown={onTabKey}
            >
              {p.label}
            </button>
          ))}
        </div>
        <section id="register-panel" role="tabpanel" aria-labelledby={`tab-${perspective}`}>
          {views === undefined ? (
            <p className="muted">Opening the register…</p>
          ) : views.length === 0 ? (
            <EmptyRegister />
          ) : shown && shown.length > 0 ? (
            <GrantTable views={shown} perspective={perspective} />
          ) : (
            <p className="muted">
              {perspective === 'held'
                ? 'No client accounts recorded yet. They appear here when you record access someone gave you.'
                : 'No one recorded yet with access to your accounts.'}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}

function GrantTable({ views, perspective }: { views: GrantView[]; perspective: Perspective }) {
  return (
    <table data-testid="grant-table">
      <caption className="visually-hidden">
        {PERSPECTIVES.find((p) => p.id === perspective)?.label}
      </caption>
      <thead>
        <tr>
          <th scope="col">{perspective === 'held' ? 'Held as' : 'Who'}</th>
          <th scope="col">Account</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Since</th>
          <th scope="col">Next review</th>
        </tr>
      </thead>
      <tbody>
        {views.map((v) => (
          <tr key={v.grant.id} data-grant-id={v.grant.id}>
            <td>
              <div>{partyLabel(v)}</div>
              <div className="muted">{v.party?.email ?? v.party?.organisation}</div>
            </td>
            <td>
              <div>{v.account?.name || v.account?.externalId}</div>
              <div className="muted">{v.account?.externalId}</div>
            </td>
            <td>{describeRoles(v.grant)}</td>
            <td>
              <span className="badge" data-status={v.grant.status}>
                {v.grant.status}
              </span>
            </td>
            <td>{formatDay(v.grant.acceptedAt ?? v.grant.invitedAt)}</td>
            <td>{formatDay(v.grant.nextReviewOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EmptyRegister() {
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className="card empty" data-testid="register-empty">
      <h2>Nothing recorded yet</h2>
      <p>
        The register keeps, on this computer only, who has access to which TikTok ad account, with
        which role and since when. Entries arrive three ways: when you follow the in-page checklist
        on Business Center → Users → Members or Partners, when you type them in, or when you import
        a file.
      </p>
      <p>
        Roles are TikTok&apos;s own: a Business Center role (Admin or Standard) and, per ad account,
        Admin, Operator or Analyst. Agencies running campaigns need Operator.
      </p>
      <button
        type="button"
        disabled={loading}
        onClick={() => {
          setLoading(true);
          setFailure(null);
          loadSampleRegister(registerDb())
            .catch((error: unknown) =>
              setFailure(
                `The sample entries could not be saved: ${error instanceof Error ? error.message : String(error)}`,
              ),
            )
            .finally(() => setLoading(false));
        }}
      >
        Load sample entries
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}
