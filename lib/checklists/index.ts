/**
 * The guided checklists: each flow in its own file (its steps, what on TikTok's page proves
 * each done, what that proof implies, what a finished run records), the engine that runs any
 * of them (./engine.ts) and the facts a run gathers (./facts.ts). The words the panel shows are the companion frame's alone
 * (./words.ts, imported by its path), and so is where it offers each checklist (./offered.ts,
 * which the agent's build leaves out). The engine runs in the companion frame; the page agent
 * takes only each step's control to outline (./targets.ts), by its path.
 */
import { addMember } from './add-member';
import { addPartner } from './add-partner';
import { revokeMember } from './revoke-member';
import { revokePartner } from './revoke-partner';
import { lowerMember } from './lower-member';
import { lowerPartner } from './lower-partner';
import { troubleshoot } from './troubleshoot';
import { OFFERED_ON } from './offered';
import type { PageKind } from '../tiktok/routes';
import type { Checklist, ChecklistId } from './types';

export type * from './types';
export * from './engine';
export { gatherFacts } from './facts';
export { stepTarget } from './targets';
export type { StepTarget } from './targets';
export { isLower } from './lower-member';
export { OFFERED_ON };

/** Every checklist, in the order the panel offers them. */
export const CHECKLISTS: readonly Checklist[] = [
  addMember,
  addPartner,
  revokeMember,
  revokePartner,
  lowerMember,
  lowerPartner,
  troubleshoot,
];

/** The checklist with this id. */
export function checklistById(id: ChecklistId): Checklist {
  const found = CHECKLISTS.find((c) => c.id === id);
  if (!found) throw new Error(`No checklist "${id}".`);
  return found;
}

/** The checklists the panel offers on a page of this kind, in their order. */
export function checklistsOfferedOn(kind: PageKind): Checklist[] {
  return CHECKLISTS.filter((c) => OFFERED_ON[c.id].includes(kind));
}
