/**
 * The accounts and parties the campaign tests seed grants with (`recordGrant`): a Business Center
 * of mine, and a person whose email follows from their name.
 */

/** A Business Center of mine. */
export const businessCenter = (externalId: string, name: string) =>
  ({ kind: 'businessCenter', externalId, name, ownership: 'mine' }) as const;

/** A person of an organisation (an agency unless named), emailed as `<name>@x.example`. */
export const orgPerson = (name: string, organisation = 'Brightlane Agency') =>
  ({ kind: 'person', name, email: `${name.toLowerCase()}@x.example`, organisation }) as const;
