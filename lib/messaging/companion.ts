/**
 * What the companion (the frame and the page agent) and the background say to each other about
 * the register: the requests the background checks with these schemas before it writes, and the
 * views it answers with. The companion imports only the types; the background parses with the
 * schemas.
 */
import { z } from 'zod';
import type { Grant } from '../register/schema';
import { requestedTikTokId as id } from './request-ids';

const assetRoleSchema = z.enum(['admin', 'operator', 'analyst']);

/** What a finished checklist asks the background to write. */
export const recordFlowRequest = z.object({
  checklist: z.string().min(1).max(100),
  orgId: id,
  bcName: z.string().max(500).nullable(),
  /**
   * invite: new grants; revoke: end the party's grants here; changeRole: new permission;
   * accept: the page shows their invitation accepted, so their invited grants here are active.
   */
  action: z.enum(['invite', 'revoke', 'changeRole', 'accept']),
  party: z.object({
    kind: z.enum(['person', 'partnerBc']),
    email: z.email().max(320).optional(),
    bcId: id.optional(),
    name: z.string().max(500).optional(),
  }),
  bcRole: z.enum(['admin', 'standard']).nullable().optional(),
  accounts: z.array(z.object({ id, name: z.string().max(500), role: assetRoleSchema })).max(500),
});
export type RecordFlowRequest = z.infer<typeof recordFlowRequest>;

/** Why the background refused a write; the overlay says it in the user's language. */
export type RecordErrorCode =
  | 'invalidRequest'
  | 'needsEmail'
  | 'needsBcId'
  | 'conflict'
  | 'statusTransition'
  | 'notFound'
  | 'storage'
  // A client's Business Center keeps only my own access.
  | 'clientAccount'
  /** Several grants at once, without the user's confirmation. */
  | 'needsConfirmation';

/** One grant the register holds for a Business Center, flattened for the overlay. */
export interface RegisterRowView {
  grantId: string;
  rev: number;
  partyKind: 'person' | 'partnerBc';
  partyName: string;
  email: string | null;
  bcId: string | null;
  accountKind: 'businessCenter' | 'adAccount';
  accountExternalId: string;
  bcRole: 'admin' | 'standard' | null;
  assetRole: 'admin' | 'operator' | 'analyst' | null;
  status: Grant['status'];
  invitedAt: string | null;
}

/** One register update the reconcile card asks for. */
export const reconcileUpdate = z.discriminatedUnion('kind', [
  /** On the page but not in the register: add it as the page shows it. */
  z.object({
    kind: z.literal('add'),
    orgId: id,
    bcName: z.string().max(500).nullable(),
    party: z.object({
      kind: z.enum(['person', 'partnerBc']),
      email: z.email().optional(),
      bcId: id.optional(),
      name: z.string().max(500),
    }),
    bcRole: z.enum(['admin', 'standard']).nullable(),
    status: z.enum(['invited', 'active', 'suspended', 'expired', 'rejected']),
  }),
  /** Role or status differs: take the page's. */
  z.object({
    kind: z.literal('update'),
    grantId: z.uuid(),
    rev: z.number().int().min(1),
    patch: z.object({
      bcRole: z.enum(['admin', 'standard']).optional(),
      status: z
        .enum(['invited', 'active', 'revoked', 'expired', 'rejected', 'suspended'])
        .optional(),
    }),
  }),
]);
export type ReconcileUpdate = z.infer<typeof reconcileUpdate>;

/** What a reminder's hint (`#access-companion=lower&grant=…`) names: the grant and its party. */
export interface GrantHint {
  grantId: string;
  /** The Business Center the grant's account belongs to. */
  orgId: string | null;
  partyKind: 'person' | 'partnerBc';
  name: string;
  email: string | null;
  bcId: string | null;
  accountKind: 'businessCenter' | 'adAccount';
  accountExternalId: string;
  assetRole: 'admin' | 'operator' | 'analyst' | null;
  bcRole: 'admin' | 'standard' | null;
  status: Grant['status'];
  /** The campaign item the hint carries out, when the background found it for this page. */
  campaignItemId?: string;
}

/**
 * What the companion frame read of an access table, for the campaigns' read-back: the rows (no
 * names, which prove nothing) and whether the table was read whole. The Business Center and ad
 * account are the frame's tab's own, from its URL; `carried`: a checklist started from a
 * campaign's "Carry out" has finished.
 */
export const campaignReadingRequest = z.object({
  table: z
    .object({
      table: z.enum(['members', 'partners']),
      complete: z.boolean(),
      rows: z
        .array(
          z.object({
            email: z.string().max(320).optional(),
            partnerBcId: z.string().max(30).optional(),
            bcRole: z.enum(['admin', 'standard']).optional(),
            assetRole: assetRoleSchema.optional(),
            status: z.string().max(20),
          }),
        )
        .max(5000),
    })
    .nullable(),
  carried: z
    .object({
      itemId: z.uuid(),
      checklist: z.string().min(1).max(100),
      /**
       * The run saw their row leave the table it was picked from (the rest of the table staying):
       * on a table shown a page at a time, that is the reading that shows them gone.
       */
      rowLeft: z.boolean().optional(),
    })
    .optional(),
});
export type CampaignReadingRequest = z.infer<typeof campaignReadingRequest>;

/** How many campaign items a reading changed. */
export interface CampaignReadingAnswer {
  applied: number;
  verified: number;
  contradicted: number;
}

/** Whose a Business Center is, per the register, and (on a client's) my own access there. */
export interface AccountOwnershipView {
  orgId: string;
  /** null: the register does not know this Business Center (or it is deleted). */
  ownership: 'mine' | 'client' | null;
  name: string | null;
  /** On a client's Business Center: my grant there (the newest live one, else the newest). */
  myGrant: {
    grantId: string;
    bcRole: 'admin' | 'standard' | null;
    status: Grant['status'];
  } | null;
}
