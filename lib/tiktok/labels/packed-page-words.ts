/**
 * Page words packed at build time (scripts/build/watcher-page-words.ts): each key's list, the
 * union over the languages that `pageLabelsFor` makes, joined into one string by a separator no
 * label holds.
 */
import type { PageLabelKey } from './types';

/** `pageLabelsFor` over packed lists: a key's list is split out when asked for (PAGE_LABELS keeps it). */
export function unpackPageWords(
  packed: Readonly<Partial<Record<PageLabelKey, string>>>,
  separator: string,
): (key: PageLabelKey) => readonly string[] {
  return (key) => {
    const joined = packed[key];
    return joined ? joined.split(separator) : [];
  };
}
