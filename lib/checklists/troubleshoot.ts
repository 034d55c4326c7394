/**
 * Troubleshoot access: what to check when an invitation never arrives, the permission is wrong,
 * or a member sees nothing or cannot get in; each step the user's to tick, but resending an
 * invitation, a control on the page proven by TikTok's "resent" message. Nothing is recorded.
 */
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
  records: () => [],
};
