/**
 * Matching visible text against labels in any script. Equality goes through `fold` (dom.ts):
 * NFKC (full-width forms become ASCII), bidi and zero-width marks dropped, lower case. Finding a
 * label inside longer text (a dialog title such as "メンバーを削除しますか？" or "Mitglied
 * entfernen?") cannot rely on spaces: Chinese, Japanese and Thai write none, Korean and Turkish
 * glue endings onto the word. So a label must begin a word only where its script separates words
 * with spaces and does not glue prefixes on (Latin, Greek, Cyrillic); anywhere else it may sit
 * inside a run of letters. The end is never checked: endings (Turkish "kaldırılsın", plural
 * "Members") follow the label.
 */
import { fold } from '../dom';

const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether `folded` holds `label` (both folded) at a place where a word may begin. */
function holds(folded: string, label: string): boolean {
  if (!label) return false;
  const needsStart = SPACED_SCRIPT.test(label[0]!);
  for (let at = folded.indexOf(label); at >= 0; at = folded.indexOf(label, at + 1)) {
    if (!needsStart || at === 0 || !WORD_CHAR.test(folded[at - 1]!)) return true;
  }
  return false;
}

/** Whether `text` mentions one of `labels` (see the module comment for what "mentions" means). */
export function mentionsLabel(text: string, labels: readonly string[]): boolean {
  const folded = fold(text);
  return labels.some((l) => holds(folded, fold(l)));
}

/**
 * Whether a dialog's title names one of `labels`: "Invite Member", "¿Eliminar miembro?",
 * "メンバーを削除しますか？", "Üye kaldırılsın mı?". Opening marks (Spanish ¿¡, quotes) are
 * ignored.
 */
export function titleNames(title: string, labels: readonly string[]): boolean {
  return mentionsLabel(title.replace(/^[\s¿¡"'“«「『]+/u, ''), labels);
}
