import { describe, expect, it } from 'vitest';
import type { CampaignReadingAnswer, CampaignReadingRequest } from '@/lib/messaging/companion';
import { CampaignReadBack } from '@/lib/overlay/frame-campaign';
import type { PageReading } from '@/lib/overlay/frame-advice';
import { createOverlayStore } from '@/lib/overlay/store';

const ORG = '7012345678901234567';

const reading = (emails: string[]): PageReading => ({
  pageKind: 'bc-members',
  orgId: ORG,
  bcName: 'Northwind',
  table: {
    rows: emails.map((email) => ({
      kind: 'member' as const,
      name: email.split('@')[0]!,
      email,
      status: 'active' as const,
      bcRole: 'standard' as const,
    })),
    complete: true,
    problems: [],
  },
});

/** A read-back whose background answers each reading with the next of `answers`. */
function readBack(answers: CampaignReadingAnswer[]) {
  const store = createOverlayStore('bc-members');
  const sent: CampaignReadingRequest[] = [];
  const back = new CampaignReadBack(store, {
    reading: (request) => {
      sent.push(request);
      return Promise.resolve(answers.shift() ?? { applied: 0, verified: 0, contradicted: 0 });
    },
  });
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { store, sent, back, settled };
}

describe('the campaigns read-back in the companion frame', () => {
  it('sends each new table once, without names, and tells the panel what it verified', async () => {
    const { store, sent, back, settled } = readBack([{ applied: 0, verified: 1, contradicted: 0 }]);
    back.setReading(reading(['ari@x.example']));
    back.setReading(reading(['ari@x.example']));
    await settled();
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).not.toContain('"name"');
    expect(sent[0]?.table?.rows).toEqual([
      { email: 'ari@x.example', bcRole: 'standard', status: 'active' },
    ]);
    expect(store.getState().campaignNews).toEqual({ verified: 1, contradicted: 0 });
  });

  it('keeps the last news through readings that change nothing, and replaces it with new news', async () => {
    const { store, back, settled } = readBack([
      { applied: 0, verified: 2, contradicted: 0 },
      { applied: 0, verified: 0, contradicted: 0 },
      { applied: 0, verified: 0, contradicted: 1 },
    ]);
    back.setReading(reading(['a@x.example']));
    await settled();
    back.setReading(reading(['b@x.example']));
    await settled();
    expect(store.getState().campaignNews).toEqual({ verified: 2, contradicted: 0 });
    back.setReading(reading(['c@x.example']));
    await settled();
    expect(store.getState().campaignNews).toEqual({ verified: 0, contradicted: 1 });
  });

  it('says nothing when the background did not answer, and sends the table again next time', async () => {
    const store = createOverlayStore('bc-members');
    let calls = 0;
    const back = new CampaignReadBack(store, {
      reading: () => {
        calls += 1;
        return Promise.reject(new Error('worker restarting'));
      },
    });
    back.setReading(reading(['a@x.example']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    back.setReading(reading(['a@x.example']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
    expect(store.getState().campaignNews ?? null).toBeNull();
  });
});
