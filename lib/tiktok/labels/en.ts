/** English: TikTok Business Center's default interface language. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const addMembers = seenIn(helpArticle('add-users-tiktok-business-center', 'en'));
const removeMembers = seenIn(
  'https://ads.tiktok.com/help/article/how-to-remove-members-from-your-ad-account-in-business-center',
);
const assetPermissions = seenIn(
  'https://ads.tiktok.com/help/article/how-to-assign-asset-level-permissions',
);
const assignTikTokAccount = seenIn(
  'https://ads.tiktok.com/help/article/how-to-grant-members-access-to-tiktok-accounts-in-business-center',
);
const partners = seenIn('https://ads.tiktok.com/help/article?aid=13989');
const partnerPermission = seenIn(
  'https://ads.tiktok.com/help/article/change-the-permissions-for-your-tiktok-business-center-partner',
);

/** The words that say what a page is and read its access tables (the watcher's share). */
export const enPage = /* @__PURE__ */ pageWords({
  lang: 'en',
  name: 'English',
  dir: 'ltr',
  labels: () => ({
    members: [...addMembers('Members'), ...unverified('Member')],
    partners: [...unverified('Partners'), ...partnerPermission('Partner')],
    colName: unverified('Username', 'User name', 'Name', 'Member'),
    colEmail: unverified('Email', 'E-mail', 'Email address'),
    colStatus: unverified('Status'),
    colBcRole: unverified('Role', 'Roles'),
    colPermission: unverified('Permission', 'Permissions', 'Asset permission'),
    colPartnerName: unverified('Partner name', 'Partner', 'Business Center name'),
    colIgnored: [
      ...assignTikTokAccount('Action'),
      ...unverified('Actions', 'Assigned Assets', 'Assigned assets', 'Shared assets'),
    ],
    colBcId: unverified('BC ID', 'Business Center ID', 'Partner BC ID'),
    'bcRole.admin': [...addMembers('Admin'), ...unverified('Administrator')],
    'bcRole.standard': [...addMembers('Standard'), ...unverified('Standard member')],
    'financeRole.manager': [...unverified('Finance manager'), ...addMembers('Finance Manager')],
    'financeRole.analyst': [...unverified('Finance analyst'), ...addMembers('Financial Analyst')],
    'assetRole.admin': [...assetPermissions('Admin'), ...unverified('Administrator')],
    'assetRole.operator': assetPermissions('Operator'),
    'assetRole.analyst': assetPermissions('Analyst'),
    'status.active': unverified('Active', 'Joined'),
    'status.pending': unverified('Pending', 'Invitation sent', 'Invited'),
    'status.suspended': unverified('Suspended'),
    'status.expired': unverified('Expired', 'Invitation expired'),
    'status.rejected': unverified('Rejected', 'Declined'),
    bcIdPrefix: unverified('Business Center ID', 'BC ID', 'ID'),
  }),
  recordsTotal: [
    /^(\d[\d,.\s]*)\s+records?\s+in\s+total$/i,
    /^total\s*:?\s*(\d[\d,.\s]*)(\s+(records?|registros?|data))?$/i,
  ],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const enFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Loading…', 'Loading...', 'Loading'),
  inviteTitle: [...addMembers('Invite Member'), ...unverified('Invite Members', 'Invite member')],
  addPartnersTitle: [...partners('Add Partners'), ...unverified('Add Partner')],
  assignTitle: [...assetPermissions('Assign new member'), ...unverified('Assign member')],
  editPermission: unverified('Edit', 'Edit permission'),
  editPermissionTitle: unverified('Edit permission', 'Edit permissions', 'Change permission'),
  save: [...assetPermissions('Save'), ...unverified('Save changes')],
  resend: [...addMembers('Resend'), ...unverified('Resend invitation')],
  confirm: addMembers('Confirm'),
  next: addMembers('Next'),
  removeVerb: [...removeMembers('Remove'), ...unverified('Delete')],
  confirmationCode: [
    ...removeMembers('confirmation code'),
    ...unverified('verification code', 'security verification'),
  ],
  emailField: unverified('Email address(es)', 'Email address', 'Email', 'Emails'),
  partnerBcIdField: unverified("Partner's BC ID", 'BC ID'),
  'success.invited': unverified('Invitation sent', 'Invitations sent'),
  'success.resent': unverified('Invitation resent'),
  'success.memberRemoved': unverified('Member removed'),
  'success.partnerAdded': unverified('Partner added'),
  'success.partnerRemoved': unverified('Partner removed'),
  'success.memberAssigned': unverified('Member assigned'),
  'success.saved': unverified('Changes saved', 'Saved'),
}));

export const en = /* @__PURE__ */ language(enPage, enFlow);
