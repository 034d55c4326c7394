import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onBackgroundMessage, sendToBackground } from '@/lib/messaging/agent-client';

/** Answer every runtime message the way the background's messenger does. */
function answerWith(answer: (message: { type: string; data: unknown }) => unknown) {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    async (message: unknown) => answer(message as { type: string; data: unknown }) as never,
  );
}

describe('the page agent’s messages', () => {
  it('travel in the protocol’s wire format and come back as the answer', async () => {
    const seen: unknown[] = [];
    answerWith((m) => {
      seen.push(m);
      return { res: { orgId: '7012345678901234567', ownership: 'mine' } };
    });
    await expect(
      sendToBackground('overlay:accountOwnership', { orgId: '7012345678901234567' }),
    ).resolves.toEqual({ orgId: '7012345678901234567', ownership: 'mine' });
    expect(seen[0]).toMatchObject({
      type: 'overlay:accountOwnership',
      data: { orgId: '7012345678901234567' },
      id: expect.any(Number),
      timestamp: expect.any(Number),
    });
  });

  it('reject with the refusal’s name and code, or when nothing answers', async () => {
    answerWith(() => ({ err: { name: 'RecordError', message: 'stale', code: 'conflict' } }));
    await expect(
      sendToBackground('overlay:getProgress', { orgId: '1234567' }),
    ).rejects.toMatchObject({ name: 'RecordError', message: 'stale', code: 'conflict' });
    answerWith(() => undefined);
    await expect(sendToBackground('agent:labels', {})).rejects.toThrow('No response');
  });
});

describe('the background’s messages to the agent', () => {
  const trigger = (message: unknown, sender: unknown) => {
    const respond = vi.fn();
    (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => unknown)(
      message,
      sender,
      respond,
    );
    return respond;
  };
  const confirmed = { url: 'https://business.tiktok.com/x', kind: 'bc-partners' };

  it('are heard from this extension outside any tab, and answered', () => {
    const heard = vi.fn();
    const stop = onBackgroundMessage('background:pageConfirmed', heard);
    const message = { id: 1, type: 'background:pageConfirmed', data: confirmed, timestamp: 1 };
    const respond = trigger(message, { id: fakeBrowser.runtime.id });
    expect(heard).toHaveBeenCalledWith(confirmed);
    expect(respond).toHaveBeenCalledWith({ res: null });
    stop();
    trigger(message, { id: fakeBrowser.runtime.id });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('are ignored from anyone else, or of another type', () => {
    const heard = vi.fn();
    const stop = onBackgroundMessage('background:pageConfirmed', heard);
    const message = { id: 1, type: 'background:pageConfirmed', data: confirmed, timestamp: 1 };
    trigger(message, { id: 'another-extension' });
    trigger(message, { id: fakeBrowser.runtime.id, tab: { id: 3 } });
    trigger({ ...message, type: 'watcher:pageSeen' }, { id: fakeBrowser.runtime.id });
    expect(heard).not.toHaveBeenCalled();
    stop();
  });
});
