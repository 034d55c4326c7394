/**
 * The popup's view of the active tab: which tab it is, what the background knows of its page,
 * and the questions the background keeps for it (whose Business Center a Members page shows;
 * the picker's Business Centers the register does not know), with their answers.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { TabContext } from '@/lib/messaging';
import { sendMessage } from '@/lib/messaging';
import type { PickerCenter } from '@/lib/register';
import type { HeldQuestion } from '@/lib/register';
// lib/tiktok's index carries the page reader (selectors, labels, flows) for the content scripts;
// the popup needs only the hosts, by their path, and loads none of that.
// eslint-disable-next-line no-restricted-imports
import { TIKTOK_HOSTS } from '@/lib/tiktok/hosts';
import type { AnsweredState } from './HeldQuestionCard';
import { questionName } from './HeldQuestionCard';
import type { PickerAnsweredState } from './PickerQuestionCard';

/** The active tab's id and what the background knows of its page. */
export function useActiveTab(): { tabId: number | null; context: TabContext | null | undefined } {
  const [state, setState] = useState<{
    tabId: number | null;
    context: TabContext | null | undefined;
  }>({ tabId: null, context: undefined });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      // The background forgets a tab that leaves TikTok (tabs.onUpdated); this guard still
      // covers the moment before that event is handled (the popup opened mid-navigation) and a
      // context kept from before an update. Off TikTok the URL is not one the extension may read.
      const onTikTok = !!tab?.url && TIKTOK_HOSTS.has(new URL(tab.url).hostname);
      const found =
        tab?.id === undefined || !onTikTok
          ? null
          : await sendMessage('popup:getTabContext', { tabId: tab.id });
      if (!cancelled) setState({ tabId: tab?.id ?? null, context: found ?? null });
    })().catch(() => !cancelled && setState({ tabId: null, context: null }));
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

/**
 * The question the background keeps for this tab when its Business Center's Members
 * page shows my row but the register does not know whose Business Center it is.
 */
export function useHeldQuestion(tabId: number | null) {
  const [question, setQuestion] = useState<HeldQuestion | null>(null);
  const [answered, setAnswered] = useState<AnsweredState | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    sendMessage('popup:getHeldQuestion', { tabId }).then(
      (q) => !cancelled && setQuestion(q),
      () => undefined, // no background: no question
    );
    return () => {
      cancelled = true;
    };
  }, [tabId]);
  const answer = async (choice: 'mine' | 'client' | 'dismiss') => {
    if (tabId === null || !question) return { error: 'no tab' };
    const reply = await sendMessage('popup:answerHeldQuestion', {
      tabId,
      orgId: question.orgId,
      answer: choice,
    });
    if ('error' in reply) return reply;
    const name = questionName(question);
    setAnswered(
      reply.outcome === 'recorded'
        ? { kind: 'recorded', name, grantId: reply.grantId }
        : reply.outcome === 'ownBusinessCenter'
          ? { kind: 'mine', name }
          : { kind: 'dismissed' },
    );
    setQuestion(null);
    return reply;
  };
  return { question, answered, answer };
}

/**
 * The picker's Business Centers the register does not know, which
 * the background keeps for this tab; answered here, the unanswered ones stay asked.
 */
export function useHeldPicker(tabId: number | null) {
  const [centers, setCenters] = useState<PickerCenter[]>([]);
  const [answered, setAnswered] = useState<PickerAnsweredState | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    sendMessage('popup:getHeldPicker', { tabId }).then(
      (list) => !cancelled && setCenters(list),
      () => undefined, // no background: no question
    );
    return () => {
      cancelled = true;
    };
  }, [tabId]);
  const answer = async (answers: { orgId: string; answer: 'mine' | 'client' | 'dismiss' }[]) => {
    if (tabId === null) return { error: 'no tab' };
    const reply = await sendMessage('popup:answerHeldPicker', { tabId, answers });
    if ('error' in reply) return reply;
    setAnswered(
      reply.dismissed > 0 && reply.clients + reply.mine === 0
        ? { kind: 'dismissed' }
        : { kind: 'saved', clients: reply.clients, mine: reply.mine },
    );
    setCenters(reply.left);
    return reply;
  };
  return { centers, answered, answer };
}
