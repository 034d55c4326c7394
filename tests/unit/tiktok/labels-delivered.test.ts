// The page agent carries no words of its own: its build resolves the labels' bundling modules to
// lib/tiktok/labels/delivered.ts (scripts/build/agent-delivered-labels.ts). Mocked the same way
// here, so the readers below run exactly as they do in the agent: first with nothing handed over,
// then with the words the background hands over (as JSON, the way Chrome's messaging carries
// them).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar } from '@/lib/tiktok/labels/ar';
import { de } from '@/lib/tiktok/labels/de';
import {
  forgetLanguages,
  onLabelsChanged,
  receiveLanguages,
  receivedLanguages,
  recordsTotalPatterns,
} from '@/lib/tiktok/labels/delivered';
import { en } from '@/lib/tiktok/labels/en';
import { es } from '@/lib/tiktok/labels/es';
import { fr } from '@/lib/tiktok/labels/fr';
import { id } from '@/lib/tiktok/labels/id';
import { it as italian } from '@/lib/tiktok/labels/it';
import { ja } from '@/lib/tiktok/labels/ja';
import { ko } from '@/lib/tiktok/labels/ko';
import { ptBR } from '@/lib/tiktok/labels/pt-BR';
import { ru } from '@/lib/tiktok/labels/ru';
import { th } from '@/lib/tiktok/labels/th';
import { tr } from '@/lib/tiktok/labels/tr';
import { LABEL_KEYS } from '@/lib/tiktok/labels/types';
import { vi as vietnamese } from '@/lib/tiktok/labels/vi';
import { wordsOf } from '@/lib/tiktok/labels/words';
import { zhHans } from '@/lib/tiktok/labels/zh-Hans';
import { zhHant } from '@/lib/tiktok/labels/zh-Hant';
import { isRemovalTitle, successMessage } from '@/lib/tiktok/flow';
import { readAccessTable } from '@/lib/tiktok/read-table';
import { LABELS } from '@/lib/tiktok/selectors';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { ACCESS_TABLES } from '../helpers/replica-expectations';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

vi.mock('@/lib/tiktok/labels/page-words', () => import('@/lib/tiktok/labels/delivered'));
vi.mock('@/lib/tiktok/labels', () => import('@/lib/tiktok/labels/delivered'));

/** Every language, in the order the background's LANGUAGES lists them. */
const ALL = [en, es, id, ptBR, vietnamese, th, ja, ko, zhHans, zhHant, de, fr, italian, tr, ar, ru];
/** What the agent receives: the background's answer after a trip through JSON. */
const handedOver = () => JSON.parse(JSON.stringify(wordsOf(ALL))) as unknown;

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
  forgetLanguages();
});

describe('the page agent’s words, handed over as data', () => {
  it('carries each language’s every word and pattern, and nothing else', () => {
    const words = wordsOf(ALL);
    expect(words.map((w) => w.lang)).toEqual(ALL.map((l) => l.lang));
    for (const [i, language] of ALL.entries()) {
      for (const key of LABEL_KEYS)
        expect(words[i]!.labels[key] ?? []).toEqual(
          (language.labels[key] ?? []).map((l) => l.text),
        );
      expect(JSON.stringify(words[i])).not.toContain('https://');
    }
    receiveLanguages(handedOver());
    expect(recordsTotalPatterns().map(String)).toEqual(
      ALL.flatMap((l) => l.recordsTotal ?? []).map(String),
    );
  });

  it('reads by English’s page words and by structure before the words arrive', async () => {
    // The flows' words all come with the others.
    expect(LABELS.removeVerb).toEqual([]);
    expect(LABELS.status.pending).toEqual(['Pending', 'Invitation sent', 'Invited']);
    dom = await openReplica(REPLICA_URLS.bcMembers);
    expect(readAccessTable(dom.document).rows).toEqual(
      ACCESS_TABLES.find((t) => t.page === 'bcMembers')!.rows,
    );
    await dom.close();
    // A page in another language: what it reads is never a wrong role or status, and an
    // incomplete reading says why.
    for (const page of ['bcMembersJa', 'bcMembersEs', 'bcMembersAr'] as const) {
      dom = await openReplica(REPLICA_URLS[page]);
      const reading = readAccessTable(dom.document);
      const expected = ACCESS_TABLES.find((t) => t.page === page)!.rows;
      for (const row of reading.rows) {
        const same = expected.find((r) => r.email === row.email && r.name === row.name);
        expect(same, `${page}: ${row.name}`).toBeDefined();
        if (row.bcRole) expect(row.bcRole).toBe(same!.bcRole);
        if (row.status) expect(row.status).toBe(same!.status);
      }
      if (!reading.complete) expect(reading.problems.length).toBeGreaterThan(0);
      await dom.close();
      dom = undefined;
    }
  });

  it.each(ACCESS_TABLES)(
    'reads $page exactly as the carried words do, once the words arrive',
    async ({ page, rows, complete }) => {
      dom = await openReplica(REPLICA_URLS[page]);
      readAccessTable(dom.document); // the readers' caches fill with the empty lists first
      receiveLanguages(handedOver());
      const reading = readAccessTable(dom.document);
      expect(reading.rows).toEqual(rows);
      expect(reading.complete).toBe(complete);
    },
  );

  it('follows the flows in any language once the words arrive', () => {
    expect(isRemovalTitle('メンバーを削除しますか？')).toBe(false);
    receiveLanguages(handedOver());
    expect(isRemovalTitle('メンバーを削除しますか？')).toBe(true);
    expect(isRemovalTitle('¿Eliminar miembro?')).toBe(true);
    const doc = document.implementation.createHTMLDocument('');
    const arabicRemoved = (ar.labels['success.memberRemoved'] ?? [])[0]!.text;
    doc.body.innerHTML = `<div role="alert">${arabicRemoved}</div>`;
    expect(successMessage(doc)?.kind).toBe('memberRemoved');
  });

  it('tells the readers when the words change, and drops what is not words', () => {
    const heard = vi.fn();
    onLabelsChanged(heard);
    receiveLanguages(handedOver());
    expect(heard).toHaveBeenCalledTimes(1);
    expect(receivedLanguages()).toHaveLength(ALL.length);
    receiveLanguages([null, 'en', { lang: 'xx', labels: { removeVerb: [1, 2] } }]);
    expect(receivedLanguages()).toEqual(['xx']);
    expect(LABELS.removeVerb).toEqual([]);
    receiveLanguages({ not: 'a list' });
    expect(receivedLanguages()).toEqual(['xx']);
  });
});
