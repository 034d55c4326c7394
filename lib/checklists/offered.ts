/**
 * Where the panel offers each checklist: on which pages the user may start it. Only the
 * companion frame asks; the page agent, which runs a checklist once started, never does, so
 * this stays out of the checklists' definitions it carries (the agent's build leaves it out).
 */
import type { PageKind } from '../tiktok/routes';
import type { ChecklistId } from './types';

/** Every page of a Business Center that lists who has access. */
const ACCESS_PAGES: readonly PageKind[] = ['bc-members', 'bc-partners', 'bc-asset-access'];

/** The page kinds on which each checklist is offered. */
export const OFFERED_ON: Readonly<Record<ChecklistId, readonly PageKind[]>> = {
  'add-member': ACCESS_PAGES,
  'add-partner': ACCESS_PAGES,
  'revoke-member': ACCESS_PAGES,
  'revoke-partner': ACCESS_PAGES,
  // An ad account's own access page is where one member's permission on it is edited.
  'lower-member': ['bc-asset-access'],
  'lower-partner': ACCESS_PAGES,
  troubleshoot: ACCESS_PAGES,
};
