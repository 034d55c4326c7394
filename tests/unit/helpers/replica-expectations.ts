/**
 * What each replica's access table holds, written out by hand from the replica's own data
 * (tests/fixtures/tiktok/bc-app-2026-11.html), so the readers are checked against the truth and
 * not against themselves.
 */
import type { AccessRow } from '@/lib/tiktok';

const m = (row: Omit<AccessRow, 'kind'>): AccessRow => ({ kind: 'member', ...row });
const p = (row: Omit<AccessRow, 'kind'>): AccessRow => ({ kind: 'partner', ...row });

/** Northwind Outdoor, Members, page 1 of 2 (10 of 14). */
export const NORTHWIND_MEMBERS_PAGE_1: AccessRow[] = [
  m({
    name: 'Riley Chen',
    email: 'riley@northwind-outdoor.com',
    bcRole: 'admin',
    financeRole: 'manager',
    status: 'active',
  }),
  m({
    name: 'Priya Natarajan',
    email: 'priya@northwind-outdoor.com',
    bcRole: 'admin',
    status: 'active',
  }),
  m({
    name: 'Dana Kim',
    email: 'dana@brightlane-agency.com',
    bcRole: 'standard',
    status: 'active',
  }),
  m({ name: '', email: 'sam.ortiz@gmial.com', bcRole: 'standard', status: 'pending' }),
  m({
    name: '<img src=x onerror=alert(1)>',
    email: 'mallory@example.net',
    bcRole: 'standard',
    financeRole: 'analyst',
    status: 'suspended',
  }),
  m({ name: 'مريم العلي', email: 'maryam@agency.ae', bcRole: 'standard', status: 'active' }),
  m({
    name: 'Bartholomew Alexander Fitzgerald-Montgomery, Head of Paid Social for the Northern Outdoor Supply Cooperative (EMEA & APAC)',
    email: 'bartholomew.fitzgerald-montgomery@northern-outdoor-supply-cooperative.example',
    bcRole: 'standard',
    status: 'active',
  }),
  m({ name: '🦊 Fox Media 🎯', email: 'team@foxmedia.io', bcRole: 'standard', status: 'expired' }),
  m({ name: 'Lee Wong', email: 'lee.wong@example.org', bcRole: 'standard', status: 'rejected' }),
  m({
    name: 'Alex Moreno',
    email: 'alex@northwind-outdoor.com',
    bcRole: 'standard',
    financeRole: 'analyst',
    status: 'active',
  }),
];

/** Northwind Outdoor, Members, page 2 of 2. */
export const NORTHWIND_MEMBERS_PAGE_2: AccessRow[] = [
  m({
    name: 'Jordan Blake',
    email: 'jordan@northwind-outdoor.com',
    bcRole: 'admin',
    status: 'active',
  }),
  m({
    name: 'Chris Park',
    email: 'chris@brightlane-agency.com',
    bcRole: 'standard',
    status: 'pending',
  }),
  m({
    name: 'Taylor Fen',
    email: 'taylor@northwind-outdoor.com',
    bcRole: 'standard',
    status: 'active',
  }),
  m({
    name: 'Morgan Lee',
    email: 'morgan@northwind-outdoor.com',
    bcRole: 'standard',
    status: 'active',
  }),
];

/** Tienda Sol (Spanish, bui- grid), Members: one page. */
export const TIENDA_SOL_MEMBERS: AccessRow[] = [
  m({
    name: 'Lucía Fernández',
    email: 'lucia@tiendasol.mx',
    bcRole: 'admin',
    financeRole: 'manager',
    status: 'active',
  }),
  m({ name: 'Mateo Ruiz', email: 'mateo@tiendasol.mx', bcRole: 'admin', status: 'active' }),
  m({ name: '👩‍💻 Ana 🚀', email: 'ana@agencia-norte.es', bcRole: 'standard', status: 'pending' }),
  m({ name: 'שרה לוי', email: 'sara@example.co.il', bcRole: 'standard', status: 'suspended' }),
];

/** Northwind Outdoor, Partners (a grid); partners show no status, so it is unknown. */
export const NORTHWIND_PARTNERS: AccessRow[] = [
  p({ name: 'Brightlane Agency', partnerBcId: '7023456789012345678', status: 'unknown' }),
  p({ name: 'Cedar & Co Apparel', partnerBcId: '7034567890123456789', status: 'unknown' }),
  p({
    name: '<script>alert("p")</script> Growth Partners',
    partnerBcId: '7045678901234567890',
    status: 'unknown',
  }),
];

export const TIENDA_SOL_PARTNERS: AccessRow[] = [
  p({ name: 'Agencia Norte', partnerBcId: '7056789012345678901', status: 'unknown' }),
];

/** Northwind US ad account, Members tab (permissions, no status column). */
export const NORTHWIND_US_MEMBERS: AccessRow[] = [
  m({
    name: 'Riley Chen',
    email: 'riley@northwind-outdoor.com',
    assetRole: 'admin',
    status: 'unknown',
  }),
  m({
    name: 'Dana Kim',
    email: 'dana@brightlane-agency.com',
    assetRole: 'operator',
    status: 'unknown',
  }),
  m({ name: 'مريم العلي', email: 'maryam@agency.ae', assetRole: 'analyst', status: 'unknown' }),
];

/** Northwind US ad account, Partner tab. */
export const NORTHWIND_US_PARTNERS: AccessRow[] = [
  p({
    name: 'Brightlane Agency',
    partnerBcId: '7023456789012345678',
    assetRole: 'operator',
    status: 'unknown',
  }),
];

/** Tienda Sol MX ad account, Members tab (Spanish). */
export const TIENDA_SOL_MX_MEMBERS: AccessRow[] = [
  m({
    name: 'Lucía Fernández',
    email: 'lucia@tiendasol.mx',
    assetRole: 'admin',
    status: 'unknown',
  }),
];

/** Each replica page with an access table: what it must read, and whether that is all. */
export const ACCESS_TABLES = [
  { page: 'bcMembers', rows: NORTHWIND_MEMBERS_PAGE_1, complete: false },
  { page: 'bcMembersEs', rows: TIENDA_SOL_MEMBERS, complete: true },
  { page: 'bcPartners', rows: NORTHWIND_PARTNERS, complete: true },
  { page: 'bcPartnersEs', rows: TIENDA_SOL_PARTNERS, complete: true },
  { page: 'bcPartnersNewRoute', rows: NORTHWIND_PARTNERS, complete: true },
  { page: 'bcAssetMembers', rows: NORTHWIND_US_MEMBERS, complete: true },
  { page: 'bcAssetPartner', rows: NORTHWIND_US_PARTNERS, complete: true },
  { page: 'bcAssetMembersEs', rows: TIENDA_SOL_MX_MEMBERS, complete: true },
] as const;

/** The kind each replica page is, by its URL and its content. */
export const PAGE_KINDS = {
  bcOverview: 'bc-other',
  bcMembers: 'bc-members',
  bcMembersEs: 'bc-members',
  bcPartners: 'bc-partners',
  bcPartnersEs: 'bc-partners',
  bcPartnersNewRoute: 'bc-partners',
  bcAssetMembers: 'bc-asset-access',
  bcAssetPartner: 'bc-asset-access',
  bcAssetMembersEs: 'bc-asset-access',
  bcAdAccounts: 'bc-other',
  bcBilling: 'bc-other',
  bcPicker: 'bc-picker',
  bcLogin: 'login',
  ssoLogin: 'login',
  adsLogin: 'login',
  adsDashboard: 'ads-manager',
  adsCampaigns: 'ads-manager',
} as const;
