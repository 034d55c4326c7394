import type { ChecklistId, FlowSubject } from '@/lib/checklists';

/** What the panel can ask of the runner and the background. */
export interface CompanionActions {
  /** Open the register (at one grant, when given). */
  onOpenRegister: (grantId?: string) => void;
  onStart?: (id: ChecklistId) => void;
  onAbandon?: () => void;
  onManual?: (stepId: string) => void;
  /** The user confirmed writing what the page proved to the register (Record). */
  onRecord?: () => void;
  /** The user chose not to write it (Not now): the run finishes without a record. */
  onDeclineRecord?: () => void;
  onFocusTarget?: () => void;
  /** `confirmed`: the user said yes to changing several register entries at once. */
  onReconcile?: (keys: string[], confirmed?: boolean) => void;
  /** Troubleshoot: the user chose whom it is about (null: nobody). */
  onChoosePerson?: (subject: FlowSubject | null) => void;
  /** The user changed where or how the panel shows: remember it. */
  onPrefs?: (prefs: { collapsed?: boolean; side?: 'left' | 'right'; closed?: boolean }) => void;
}
