/**
 * Remove a member: open Members, find their Remove (a row's button, a details drawer's, a row
 * menu's item), confirm, enter the confirmation code; the success message or their row leaving
 * the table is the outcome, and the record marks their grants revoked.
 */
import {
  confirmationCodeField,
  findControl,
  findPersonLink,
  rowMenuTrigger,
} from '../tiktok/controls';
import { LABELS } from '../tiktok/selectors';
import { openMembers, record, removalConfirmButton, subjectGone, success } from './shared';
import type { Checklist } from './types';

export const revokeMember: Checklist = {
  id: 'revoke-member',
  removes: 'member',
  steps: [
    openMembers,
    {
      id: 'find-remove',
      // Remove on show (a row's button, a details drawer's, an open row menu's item); else
      // the chosen person's row menu or details link; else any row's menu, or View.
      target: (root, facts) =>
        findControl(root, LABELS.removeVerb) ??
        (facts?.subject ? rowMenuTrigger(root, facts.subject) : null) ??
        (facts?.subject ? findPersonLink(root, facts.subject) : null) ??
        rowMenuTrigger(root) ??
        findControl(root, ['View', 'Ver', 'Lihat']),
      done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
      implies: ['open-members'],
    },
    {
      id: 'confirm-remove',
      target: removalConfirmButton,
      done: (obs) => obs.flow.confirmationCodeStep || success(obs, 'memberRemoved'),
      implies: ['find-remove'],
    },
    {
      id: 'enter-code',
      target: (root) => confirmationCodeField(root),
      done: (obs, facts) => success(obs, 'memberRemoved') || subjectGone(obs, facts),
      outcome: true,
    },
    {
      id: 'row-gone',
      done: subjectGone,
      outcome: true,
    },
    record,
  ],
};
