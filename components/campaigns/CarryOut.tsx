import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import type { FormEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type {
  Campaign,
  CampaignItem,
  CarryOutGroup,
  CarryOutTodo,
  PageReadBack,
} from '@/lib/campaigns';
import {
  CampaignConflictError,
  carryOutGroups,
  carryOutPage,
  carryOutProgress,
  markDoneOutside,
} from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { businessCenterUrl } from '@/lib/reminders';
import { describeRoles } from '../shared/format';
import { accountLabel, partyTitle } from '@/lib/register';
import { decisionSummary } from './labels';

/** A moment as the user's locale writes a day and a time. */
function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString(t('locale_code'), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** What a page reading showed of the person or partner. */
function shownText(r: PageReadBack): string {
  const table = t(r.table === 'members' ? 'carryOut_table_members' : 'carryOut_table_partners');
  const where = r.advertiserId ? t('carryOut_onAdAccount', table, r.advertiserId) : table;
  if (!r.listed) return t('carryOut_shown_gone', where);
  return t('carryOut_shown_listed', where, describeRoles({ ...r, financeRole: null }));
}

/** A to-do's state in one sentence, with the reading or the reason behind it. */
function todoStatus(todo: CarryOutTodo): string {
  const item =
    todo.items.find((i) =>
      todo.state === 'contradicted'
        ? i.contradicted
        : todo.state === 'verified'
          ? i.verified
          : true,
    ) ?? todo.items[0]!;
  switch (todo.state) {
    case 'open':
      return t('carryOut_status_open');
    case 'applied':
      return t('carryOut_status_applied', formatMoment(item.applied!.at));
    case 'verified':
      return t(
        item.applied ? 'carryOut_status_appliedVerified' : 'carryOut_status_verified',
        formatMoment(item.verified!.at),
        shownText(item.verified!),
      );
    case 'contradicted':
      return t(
        'carryOut_status_contradicted',
        formatMoment(item.contradicted!.at),
        shownText(item.contradicted!),
      );
    case 'doneOutside':
      return t(
        'carryOut_status_doneOutside',
        formatMoment(item.doneOutside!.at),
        item.doneOutside!.reason,
      );
  }
}

const STATE_KEYS = {
  open: 'carryOut_state_open',
  applied: 'carryOut_state_applied',
  verified: 'carryOut_state_verified',
  contradicted: 'carryOut_state_contradicted',
  doneOutside: 'carryOut_state_doneOutside',
} as const;

/** The Business Centers' names, by id, as the campaign's items on them name them. */
function businessCenterNames(items: readonly CampaignItem[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const i of items)
    if (i.account?.kind === 'businessCenter' && i.account.name)
      names.set(i.account.externalId, i.account.name);
  return names;
}

/** The page a group is on, in words: "Northwind · Members". */
function groupLabel(group: CarryOutGroup, bcNames: ReadonlyMap<string, string>): string {
  const { page } = group;
  if (page.section === 'adAccount') {
    return t('carryOut_page_adAccount', accountLabel(group.todos[0]!.items[0]!));
  }
  const name = bcNames.get(page.orgId) ?? page.orgId;
  return t(page.section === 'members' ? 'carryOut_page_members' : 'carryOut_page_partners', name);
}

/** The Business Center page with the matching checklist's hint for this to-do's first item. */
function carryOutUrl(todo: CarryOutTodo): string | null {
  const item = todo.items[0]!;
  if (!carryOutPage(item)) return null;
  return businessCenterUrl(
    { grant: { id: item.grantId }, account: item.account, party: item.party },
    todo.kind,
    item.id,
  );
}

/**
 * Follow the items written elsewhere (the background verifies them as the page is read back): on
 * each write to the campaign items, read the to-dos' items again and put back those newer than
 * the view's.
 */
function useCarriedItems(
  todoItems: readonly CampaignItem[],
  replaceItems: (written: readonly CampaignItem[]) => void,
): void {
  const itemsRef = useRef(todoItems);
  const replaceRef = useRef(replaceItems);
  useEffect(() => {
    itemsRef.current = todoItems;
    replaceRef.current = replaceItems;
  }, [todoItems, replaceItems]);
  useEffect(() => {
    const db = registerDb();
    const store = `idb://${db.name}/campaignItems/`;
    const onCommit = (parts: ObservabilitySet) => {
      if (!Object.keys(parts).some((p) => p.startsWith(store))) return;
      const shown = new Map(itemsRef.current.map((i) => [i.id, i.rev]));
      void db.campaignItems.bulkGet([...shown.keys()]).then((items) => {
        const newer = items.filter(
          (i): i is CampaignItem => !!i && i.rev > (shown.get(i.id) ?? Infinity),
        );
        if (newer.length > 0) replaceRef.current(newer);
      });
    };
    Dexie.on('storagemutated', onCommit);
    return () => Dexie.on('storagemutated').unsubscribe(onCommit);
  }, []);
}

/**
 * "To carry out": every lower and revoke decision as a to-do, grouped by Business Center page,
 * each opening its page with the matching checklist started ("Carry out"), and its state as the
 * page was last read back. An offboarding is finished when every one is verified or done outside
 * the extension.
 */
export function CarryOut({
  campaign,
  items,
  replaceItems,
}: {
  campaign: Campaign;
  items: readonly CampaignItem[];
  replaceItems: (written: readonly CampaignItem[]) => void;
}) {
  const id = useId();
  const groups = useMemo(() => carryOutGroups(items), [items]);
  const progress = useMemo(() => carryOutProgress(items), [items]);
  const bcNames = useMemo(() => businessCenterNames(items), [items]);
  const todoItems = useMemo(
    () => groups.flatMap((g) => g.todos.flatMap((todo) => todo.items)),
    [groups],
  );
  useCarriedItems(todoItems, replaceItems);
  const [outside, setOutside] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const offboarding = campaign.kind === 'offboarding';
  if (groups.length === 0) return null;

  const markOutside = async (todo: CarryOutTodo, reason: string) => {
    try {
      const written: CampaignItem[] = [];
      for (const item of todo.items) {
        written.push(await markDoneOutside(registerDb(), item.id, item.rev, reason, new Date()));
      }
      replaceItems(written);
      setOutside(null);
      setMessage(t('carryOut_doneOutsideSaved', partyTitle(todo.items[0]!)));
    } catch (error) {
      setMessage(
        error instanceof CampaignConflictError
          ? t('decide_conflict')
          : t('decide_failed', error instanceof Error ? error.message : String(error)),
      );
    }
  };

  return (
    <section className="card carry-out" aria-labelledby={`${id}-title`} data-testid="carry-out">
      <h2 id={`${id}-title`}>{t(offboarding ? 'carryOut_titleOffboarding' : 'carryOut_title')}</h2>
      <p className="muted">{t('carryOut_intro')}</p>
      <div className="progress campaign-progress">
        <label htmlFor={`${id}-progress`}>{t('carryOut_progressLabel')}</label>
        <progress id={`${id}-progress`} max={progress.total} value={progress.settled} />
        <span aria-live="polite" data-testid="carry-out-progress">
          {t(
            'carryOut_progress',
            progress.verified.toLocaleString(),
            progress.total.toLocaleString(),
            progress.doneOutside.toLocaleString(),
          )}
        </span>
      </div>
      {progress.complete && (
        <p className="notice" data-testid="carry-out-complete">
          {t(offboarding ? 'carryOut_completeOffboarding' : 'carryOut_complete')}
        </p>
      )}
      {groups.map((group) => (
        <section
          key={group.page.key}
          className="carry-out-page"
          aria-label={groupLabel(group, bcNames)}
        >
          <h3>{groupLabel(group, bcNames)}</h3>
          <ul className="carry-out-todos">
            {group.todos.map((todo) => {
              const url = carryOutUrl(todo);
              const first = todo.items[0]!;
              const settled = todo.state === 'verified' || todo.state === 'doneOutside';
              return (
                <li
                  key={todo.key}
                  data-testid="carry-out-todo"
                  data-state={todo.state}
                  className="carry-out-todo"
                >
                  <div className="todo-head">
                    <strong>{partyTitle(first)}</strong>
                    <span>{decisionSummary(first.decision)}</span>
                    {todo.items.length > 1 && (
                      <span className="muted">{t('carryOut_grants', todo.items.length)}</span>
                    )}
                    <span className="badge" data-carry={todo.state}>
                      {t(STATE_KEYS[todo.state])}
                    </span>
                  </div>
                  <p className="todo-status" data-testid="todo-status">
                    {todoStatus(todo)}
                  </p>
                  {!settled && outside !== todo.key && (
                    <div className="todo-actions">
                      {url && (
                        <a
                          className="button primary"
                          href={url}
                          target="_blank"
                          rel="noreferrer"
                          aria-label={t('carryOut_carryFor', partyTitle(first))}
                        >
                          {t('carryOut_carry')}
                        </a>
                      )}
                      <button type="button" onClick={() => setOutside(todo.key)}>
                        {t('carryOut_doneOutside')}
                      </button>
                    </div>
                  )}
                  {outside === todo.key && (
                    <DoneOutsideForm
                      onSave={(reason) => void markOutside(todo, reason)}
                      onCancel={() => setOutside(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p role="status" className="muted" data-testid="carry-out-message">
        {message}
      </p>
    </section>
  );
}

/** "Done outside the extension": the reason is required, as an auditor reads it. */
function DoneOutsideForm({
  onSave,
  onCancel,
}: {
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    onSave(reason);
  };
  return (
    <form className="done-outside" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-reason`}>{t('carryOut_doneOutsideReason')}</label>
      <textarea
        id={`${id}-reason`}
        ref={field}
        rows={2}
        maxLength={10_000}
        required
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-missing` : undefined}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      {missing && (
        <p id={`${id}-missing`} className="error">
          {t('carryOut_doneOutsideMissing')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('carryOut_doneOutsideSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </form>
  );
}
