/**
 * What the user chose or the page names in the dialogs of a flow, read from the page as data:
 * the partner BC ID typed, the ad accounts ticked, the Assign member and Edit permission dialogs'
 * choices, the Add Partners dialog's step and the removal confirmation's words. The page agent
 * reads these with each reading while a checklist runs; the checklists' engine, in the companion
 * frame, gathers its facts and proves its steps from them without the page's DOM.
 */
import type { Root } from './dom';
import { visibleText } from './dom';
import type { AssetRoleName, ChosenAccount, PermissionEdit } from './controls';
import {
  addPartnerStep,
  assignChoice,
  chosenAccounts,
  enteredPartnerBcId,
  permissionEdit,
  removalDialog,
  removalSubject,
} from './controls';

/** The dialogs' choices and words, as data (see the module's comment). */
export interface PageFacts {
  partnerBcId: string | null;
  accounts: ChosenAccount[];
  assigned: { who: string; role: AssetRoleName } | null;
  permissionEdit: PermissionEdit | null;
  addPartnerStep: 'details' | 'assets' | null;
  /**
   * The open removal confirmation: the name or email its first line shows, and all its words
   * (whom it removes may be named inside a sentence).
   */
  removal: { named: string | null; text: string } | null;
}

/** Nothing chosen, no dialog open: what a reading without the flow has. */
export const NO_PAGE_FACTS: PageFacts = {
  partnerBcId: null,
  accounts: [],
  assigned: null,
  permissionEdit: null,
  addPartnerStep: null,
  removal: null,
};

/** Read the dialogs' choices and words from the page now. Never throws. */
export function readPageFacts(root: Root): PageFacts {
  try {
    const dialog = removalDialog(root);
    return {
      partnerBcId: enteredPartnerBcId(root),
      accounts: chosenAccounts(root),
      assigned: assignChoice(root),
      permissionEdit: permissionEdit(root),
      addPartnerStep: addPartnerStep(root),
      removal: dialog ? { named: removalSubject(root, dialog), text: visibleText(dialog) } : null,
    };
  } catch {
    return NO_PAGE_FACTS;
  }
}
