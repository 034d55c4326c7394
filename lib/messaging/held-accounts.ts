/**
 * The requests about held accounts, as the background checks them before anything is decided or
 * written: what a page showed is untrusted text, and a popup's answer names only what it was
 * asked. Grouped by sender: the watcher's picker list, the companion frame's Members rows, the
 * popup's answers.
 */
import { z } from 'zod';
import { requestedTikTokId as tiktokId } from './request-ids';
import { BC_HOST } from '../tiktok/hosts';

/** The watcher's list of Business Centers from the picker (`watcher:businessCentersSeen`). */
export const businessCentersSeenRequest = z.object({
  url: z.url().refine((u) => new URL(u).hostname === BC_HOST, 'not a Business Center page'),
  centers: z
    .array(
      z.object({
        orgId: tiktokId,
        name: z.string().max(500),
        myRole: z.enum(['admin', 'standard']).optional(),
      }),
    )
    .max(5000),
});

/**
 * The companion frame's Members rows (`companion:membersSeen`), with the page and Business Center
 * the background adds from the frame's tab.
 */
export const membersSeenRequest = z.object({
  url: z.url().refine((u) => new URL(u).hostname === BC_HOST, 'not a Business Center page'),
  orgId: tiktokId,
  bcName: z.string().max(500).nullable(),
  members: z
    .array(
      z.object({
        // Compared with my emails only, so the page's spelling is kept (lower-cased).
        email: z.string().trim().toLowerCase().min(3).max(320).includes('@'),
        bcRole: z.enum(['admin', 'standard']).optional(),
        financeRole: z.enum(['manager', 'analyst']).optional(),
        status: z.enum(['active', 'pending', 'suspended', 'expired', 'rejected', 'unknown']),
      }),
    )
    .max(5000),
});

/** The popup's answers about the picker's Business Centers (`popup:answerHeldPicker`). */
export const heldPickerAnswerRequest = z.object({
  tabId: z.number().int().min(0),
  answers: z
    .array(
      z.object({
        orgId: tiktokId,
        answer: z.enum(['mine', 'client', 'dismiss']),
      }),
    )
    .min(1)
    .max(5000),
});

/** The popup's answer about a visited Business Center (`popup:answerHeldQuestion`). */
export const heldAnswerRequest = z.object({
  tabId: z.number().int().min(0),
  orgId: tiktokId,
  answer: z.enum(['mine', 'client', 'dismiss']),
});
