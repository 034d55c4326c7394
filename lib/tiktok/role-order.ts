/**
 * TikTok's roles from most to least power, per layer (docs/tiktok.md, "Roles"): a Business
 * Center member is Admin or Standard; a finance role is Finance Manager or Finance Analyst; a
 * permission on an ad account is Admin, Operator or Analyst. "Lowering" access means moving down
 * one of these lists; there is nothing between, and no "Editor".
 */

/** Business Center member roles, most power first. */
export const BC_ROLE_ORDER = ['admin', 'standard'] as const;
/** Finance roles, most power first. */
export const FINANCE_ROLE_ORDER = ['manager', 'analyst'] as const;
/** Permissions on an ad account (an asset), most power first. */
export const ASSET_ROLE_ORDER = ['admin', 'operator', 'analyst'] as const;

/** The roles strictly below `role` in `order`, most power first; empty for the lowest or none. */
export function rolesBelow<R extends string>(order: readonly R[], role: R | null): R[] {
  if (role === null) return [];
  const at = order.indexOf(role);
  return at < 0 ? [] : order.slice(at + 1);
}

/** True when `to` is strictly below `from` in `order`. */
export function isLowerRole<R extends string>(order: readonly R[], from: R, to: R): boolean {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  return a >= 0 && b > a;
}
