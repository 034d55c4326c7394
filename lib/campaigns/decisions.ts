/**
 * What a decision on a campaign item must carry, as pure functions: the roles a grant may be
 * lowered to, when a reason is required, and the check every decision passes before it is
 * written (lib/campaigns/store.ts runs it; the page runs the same one to say what is missing).
 */
import { z } from 'zod';
import type { CampaignDecisionKind, LoweredRoles } from '../register/campaign-schema';
import { campaignDecisionKind, loweredRoles } from '../register/campaign-schema';
import type { GrantSnapshot } from '../register/schema';
import {
  ASSET_ROLE_ORDER,
  BC_ROLE_ORDER,
  FINANCE_ROLE_ORDER,
  isLowerRole,
  rolesBelow,
} from '../tiktok/role-order';

/** A decision as a reviewer gives it: who and when are added by the store. */
export const decisionInput = z.object({
  kind: campaignDecisionKind,
  lowerTo: loweredRoles.nullable().default(null),
  handTo: z.string().trim().max(200).nullable().default(null),
  reason: z.string().trim().max(10_000).default(''),
});
export type DecisionInput = z.input<typeof decisionInput>;
export type CheckedDecisionInput = z.output<typeof decisionInput>;

/** Why a decision cannot be written as given. */
export type DecisionProblem =
  /** Keep on Admin, and every lower or revoke, say why. */
  | 'reasonRequired'
  /** A lower names the roles it lowers to. */
  | 'lowerToRequired'
  /** A lower moves at least one layer down, and none up or sideways. */
  | 'notLower'
  /** "Not mine to decide" names who decides. */
  | 'handToRequired'
  /** Nothing to lower: the grant already holds the lowest role of every layer it has. */
  | 'nothingToLower';

type Roles = Pick<GrantSnapshot, 'bcRole' | 'financeRole' | 'assetRole'>;

/** True when the grant holds Admin: as a Business Center member or on an ad account. */
export function holdsAdmin(g: Roles): boolean {
  return g.bcRole === 'admin' || g.assetRole === 'admin';
}

/** The roles each layer of `g` may be lowered to, most power first (finance may also be removed). */
export function lowerOptions(g: Roles): {
  bcRole: LoweredRoles['bcRole'][];
  financeRole: LoweredRoles['financeRole'][];
  assetRole: LoweredRoles['assetRole'][];
} {
  return {
    bcRole: rolesBelow(BC_ROLE_ORDER, g.bcRole),
    financeRole:
      g.financeRole === null ? [] : [...rolesBelow(FINANCE_ROLE_ORDER, g.financeRole), null],
    assetRole: rolesBelow(ASSET_ROLE_ORDER, g.assetRole),
  };
}

/** True when the grant has something to lower. */
export function canLower(g: Roles): boolean {
  const o = lowerOptions(g);
  return o.bcRole.length + o.financeRole.length + o.assetRole.length > 0;
}

/**
 * The usual lowering, one step on the layer that matters most: an ad-account Admin becomes
 * Operator (what an agency running campaigns needs), a Business Center Admin becomes Standard;
 * otherwise the asset permission, then the finance role, goes one step down.
 */
export function defaultLowering(g: Roles): LoweredRoles | null {
  const o = lowerOptions(g);
  const same: LoweredRoles = {
    bcRole: g.bcRole,
    financeRole: g.financeRole,
    assetRole: g.assetRole,
  };
  if (g.bcRole === 'admin' || g.assetRole === 'admin') {
    return {
      ...same,
      bcRole: g.bcRole === 'admin' ? 'standard' : g.bcRole,
      assetRole: g.assetRole === 'admin' ? 'operator' : g.assetRole,
    };
  }
  if (o.assetRole.length > 0) return { ...same, assetRole: o.assetRole[0]! };
  if (o.bcRole.length > 0) return { ...same, bcRole: o.bcRole[0]! };
  if (o.financeRole.length > 0) return { ...same, financeRole: o.financeRole[0]! };
  return null;
}

function layerProblem<R extends string>(
  order: readonly R[],
  from: R | null,
  to: R | null,
  mayRemove: boolean,
): 'same' | 'lower' | 'bad' {
  if (from === to) return 'same';
  if (from === null) return 'bad';
  if (to === null) return mayRemove ? 'lower' : 'bad';
  return isLowerRole(order, from, to) ? 'lower' : 'bad';
}

/** True when `to` moves at least one layer of `from` down and none up, sideways or away. */
export function isLowering(from: Roles, to: LoweredRoles): boolean {
  const layers = [
    layerProblem(BC_ROLE_ORDER, from.bcRole, to.bcRole, false),
    layerProblem(FINANCE_ROLE_ORDER, from.financeRole, to.financeRole, true),
    layerProblem(ASSET_ROLE_ORDER, from.assetRole, to.assetRole, false),
  ];
  return !layers.includes('bad') && layers.includes('lower');
}

/** True when `kind` on this grant needs a reason: keep on Admin, and every lower or revoke. */
export function reasonRequired(kind: CampaignDecisionKind, g: Roles): boolean {
  return kind === 'lower' || kind === 'revoke' || (kind === 'keep' && holdsAdmin(g));
}

/** Everything wrong with `input` as a decision on a grant that was `g`; empty when it may be written. */
export function decisionProblems(g: Roles, input: CheckedDecisionInput): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (reasonRequired(input.kind, g) && input.reason === '') problems.push('reasonRequired');
  if (input.kind === 'lower') {
    if (!canLower(g)) problems.push('nothingToLower');
    else if (input.lowerTo === null) problems.push('lowerToRequired');
    else if (!isLowering(g, input.lowerTo)) problems.push('notLower');
  }
  if (input.kind === 'handOff' && !input.handTo) problems.push('handToRequired');
  return problems;
}
