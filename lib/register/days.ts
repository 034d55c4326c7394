/**
 * Calendar days as the register stores them (`YYYY-MM-DD`, the user's local day). A module of
 * its own so that pages which only read the register (the popup) do not load the write rules.
 */

/** `YYYY-MM-DD` of the user's local calendar day `days` after `from`. */
export function dayAfter(from: Date, days: number): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
