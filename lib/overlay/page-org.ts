/**
 * Whose register rows the page may see in the companion: the Business Center in the URL, unless
 * the page's own header names another. A page script can rewrite the address with
 * `history.pushState(…, '?org_id=…')` without TikTok switching Business Center; the header still
 * names the one really shown, and the panel then loads no register rows for the forged one.
 */
import { readBcOrgId } from '../tiktok/context';

/** Whether `orgId` (from the URL) agrees with the Business Center ID the page header shows. */
export function pageShowsOrg(doc: Document, orgId: string): boolean {
  // A URL without org_id makes readBcOrgId read the header alone.
  const shown = readBcOrgId(new URL('https://business.tiktok.com/'), doc);
  return shown === null || shown === orgId;
}
