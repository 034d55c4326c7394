/**
 * Troubleshoot access: what to check when an invitation never arrives, the permission is wrong,
 * or a member sees nothing or cannot get in; each step the user's to tick, but resending an
 * invitation, a control on the page proven by TikTok's "resent" message. Nothing is recorded.
 */
import { findDialogButton, findPersonLink, findRowLink } from '../tiktok/controls';
import { LABELS } from '../tiktok/selectors';
import { success } from './shared';
import type { Checklist } from './types';

export const troubleshoot: Checklist = {
  id: 'troubleshoot',
  steps: [
    {
      id: 'invitation-email',
    },
    {
      id: 'invitation-resend',
      // The chosen person's Resend (in their details), else their email link in Members; with
      // nobody chosen, the first pending invitation's.
      target: (root, facts) =>
        findDialogButton(root, LABELS.resend) ??
        (facts?.subject
          ? findPersonLink(root, facts.subject)
          : findRowLink(root, [...LABELS.status.pending, ...LABELS.status.expired])),
      done: (obs) => success(obs, 'resent'),
    },
    {
      id: 'wrong-permission',
    },
    {
      id: 'sees-nothing',
    },
    {
      id: 'cannot-access',
    },
  ],
};
