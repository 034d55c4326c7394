/**
 * Readers for the context a page is in: which Business Center (its org_id and name), which ad
 * account (aadvid), and the list of Business Centers on the picker. URL first, the page second.
 */
import type { Root } from './dom';
import { fold, isHiddenDeep, isLabel, queryAllDeep, textSegments, visibleText } from './dom';
import { readAdvertiserId, readOrgId } from './routes';
import { PAGE_LABELS } from './page-labels';
import { SELECTORS } from './selectors';
import { TIKTOK_ID, TIKTOK_ID_DIGITS } from './ids';

const ID = new RegExp(`(${TIKTOK_ID_DIGITS})`);
/** "ID: …" or "ID …", as a Business Center's entry writes its ID. */
const LABELLED_ID = new RegExp(`^ID:?\\s*(${TIKTOK_ID_DIGITS})$`, 'i');

/** The Business Center's ID: `org_id` in the URL, else the "Business Center ID: …" on the page. */
export function readBcOrgId(url: URL, root: Root): string | null {
  const fromUrl = readOrgId(url);
  if (fromUrl) return fromUrl;
  try {
    for (const el of queryAllDeep(root, ['header span', 'header div', 'header p'], {
      shadows: false,
    })) {
      if (el.children.length > 0) continue;
      const text = visibleText(el);
      const [label, value] = text.split(/:\s*/, 2);
      if (value && isLabel(label ?? '', PAGE_LABELS.bcIdPrefix)) {
        const match = ID.exec(value);
        if (match) return match[1]!;
      }
    }
  } catch {
    // unreadable header: no ID
  }
  return null;
}

/** The current Business Center's name as the page header shows it, or null. */
export function readBcName(root: Root): string | null {
  try {
    for (const el of queryAllDeep(root, SELECTORS.bcName.alternatives, { shadows: false })) {
      if (isHiddenDeep(el)) continue;
      const name = visibleText(el);
      if (name) return name;
    }
  } catch {
    // unreadable header: no name
  }
  return null;
}

/** The ad account's ID: `aadvid` in the URL, else Ads Manager's account switcher (shadow DOM). */
export function readAdvertiserIdFromPage(url: URL, root: Root): string | null {
  const fromUrl = readAdvertiserId(url);
  if (fromUrl) return fromUrl;
  try {
    for (const el of queryAllDeep(root, SELECTORS.adsAccountId.alternatives)) {
      const match = ID.exec(visibleText(el) || (el.getAttribute('value') ?? ''));
      if (match) return match[1]!;
    }
  } catch {
    // unreadable switcher: no ID
  }
  return null;
}

/** One Business Center on the picker, with the role the user holds there when shown. */
export interface BusinessCenterEntry {
  orgId: string;
  name: string;
  myRole?: 'admin' | 'standard';
}

/** The Business Centers the BC picker (`/select`) lists, with the user's role in each. */
export function readBusinessCenterList(root: Root): BusinessCenterEntry[] {
  const found = new Map<string, BusinessCenterEntry>();
  try {
    for (const entry of queryAllDeep(root, SELECTORS.bcPickerEntry.alternatives)) {
      if (isHiddenDeep(entry)) continue;
      const href = entry.getAttribute('href');
      let orgId: string | null = entry.getAttribute('data-org-id');
      if (!orgId && href) {
        try {
          orgId = new URL(href, 'https://business.tiktok.com/').searchParams.get('org_id');
        } catch {
          orgId = null;
        }
      }
      const segments = textSegments(entry);
      if (!orgId) orgId = segments.map((s) => LABELLED_ID.exec(s)?.[1]).find(Boolean) ?? null;
      if (!orgId || !TIKTOK_ID.test(orgId) || found.has(orgId)) continue;
      let myRole: BusinessCenterEntry['myRole'];
      const rest: string[] = [];
      for (const s of segments) {
        if (LABELLED_ID.test(s) || s === orgId) continue;
        if (isLabel(s, PAGE_LABELS.bcRole.admin)) myRole = 'admin';
        else if (isLabel(s, PAGE_LABELS.bcRole.standard)) myRole = 'standard';
        else rest.push(s);
      }
      const name = rest[0] ?? '';
      if (!name || fold(name) === 'business center') continue;
      found.set(orgId, { orgId, name, ...(myRole ? { myRole } : {}) });
    }
  } catch {
    // a picker mid-render: what was read so far stands
  }
  return Array.from(found.values());
}
