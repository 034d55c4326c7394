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
/** さくら雑貨店 (Japanese, CSS-module class names), Members. */
export const SAKURA_MEMBERS: AccessRow[] = [
  m({
    name: '佐藤 花子',
    email: 'hanako.sato@sakura-zakka.jp',
    bcRole: 'admin',
    financeRole: 'manager',
    status: 'active',
  }),
  m({ name: '鈴木 一郎', email: 'ichiro@sakura-zakka.jp', bcRole: 'admin', status: 'active' }),
  m({
    name: 'Ｋｅｎｔａ Ｔａｎａｋａ',
    email: 'kenta@hikari-ad.co.jp',
    bcRole: 'standard',
    status: 'active',
  }),
  m({ name: '', email: 'yui.mori@hikari-ad.co.jp', bcRole: 'standard', status: 'pending' }),
  m({
    name: '山田 太郎',
    email: 'taro@example.jp',
    bcRole: 'standard',
    financeRole: 'analyst',
    status: 'suspended',
  }),
  m({ name: '김민지', email: 'minji@seoul-media.kr', bcRole: 'standard', status: 'expired' }),
];
/** مؤسسة الواحة (Arabic, right to left), Members. */
export const AL_WAHA_MEMBERS: AccessRow[] = [
  m({
    name: 'ليلى حداد',
    email: 'layla@alwaha.ae',
    bcRole: 'admin',
    financeRole: 'manager',
    status: 'active',
  }),
  m({ name: 'Omar Said', email: 'omar@alwaha.ae', bcRole: 'admin', status: 'active' }),
  m({
    name: 'سارة يوسف (Gulf Media)',
    email: 'sara@gulf-media.com',
    bcRole: 'standard',
    status: 'pending',
  }),
  m({
    name: 'خالد',
    email: 'khaled@example.sa',
    bcRole: 'standard',
    financeRole: 'analyst',
    status: 'rejected',
  }),
];

/** さくら雑貨店, Partners. */
export const SAKURA_PARTNERS: AccessRow[] = [
  p({ name: 'ひかり広告株式会社', partnerBcId: '7067890123456789012', status: 'unknown' }),
  p({ name: 'Tokyo Growth Partners', partnerBcId: '7069012345678901234', status: 'unknown' }),
];

/** さくら雑貨 JP, the ad account's Members tab. */
export const SAKURA_JP_MEMBERS: AccessRow[] = [
  m({
    name: '佐藤 花子',
    email: 'hanako.sato@sakura-zakka.jp',
    assetRole: 'admin',
    status: 'unknown',
  }),
  m({
    name: 'Ｋｅｎｔａ Ｔａｎａｋａ',
    email: 'kenta@hikari-ad.co.jp',
    assetRole: 'operator',
    status: 'unknown',
  }),
];

/** مؤسسة الواحة, Partners. */
export const AL_WAHA_PARTNERS: AccessRow[] = [
  p({ name: 'وكالة الخليج', partnerBcId: '7078901234567890123', status: 'unknown' }),
  p({ name: 'Desert Bloom Media', partnerBcId: '7079012345678901234', status: 'unknown' }),
];

export const ACCESS_TABLES = [
  { page: 'bcMembers', rows: NORTHWIND_MEMBERS_PAGE_1, complete: false },
  { page: 'bcMembersEs', rows: TIENDA_SOL_MEMBERS, complete: true },
  { page: 'bcPartners', rows: NORTHWIND_PARTNERS, complete: true },
  { page: 'bcPartnersEs', rows: TIENDA_SOL_PARTNERS, complete: true },
  { page: 'bcPartnersNewRoute', rows: NORTHWIND_PARTNERS, complete: true },
  { page: 'bcAssetMembers', rows: NORTHWIND_US_MEMBERS, complete: true },
  { page: 'bcAssetPartner', rows: NORTHWIND_US_PARTNERS, complete: true },
  { page: 'bcAssetMembersEs', rows: TIENDA_SOL_MX_MEMBERS, complete: true },
  { page: 'bcMembersJa', rows: SAKURA_MEMBERS, complete: true },
  { page: 'bcPartnersJa', rows: SAKURA_PARTNERS, complete: true },
  { page: 'bcAssetMembersJa', rows: SAKURA_JP_MEMBERS, complete: true },
  { page: 'bcMembersAr', rows: AL_WAHA_MEMBERS, complete: true },
  { page: 'bcPartnersAr', rows: AL_WAHA_PARTNERS, complete: true },
  // Page 1 of 2 in each layout; the virtualized one shows the first seven rows in view.
  { page: 'bcMembersGrid', rows: NORTHWIND_MEMBERS_PAGE_1, complete: false },
  { page: 'bcMembersPaged', rows: NORTHWIND_MEMBERS_PAGE_1, complete: false },
  { page: 'bcMembersVirtual', rows: NORTHWIND_MEMBERS_PAGE_1.slice(0, 7), complete: false },
  // A "Members | Partners" tab bar above the table changes neither the kind nor the reading.
  { page: 'bcMembersTabs', rows: NORTHWIND_MEMBERS_PAGE_1, complete: false },
  { page: 'bcPartnersTabs', rows: NORTHWIND_PARTNERS, complete: true },
  { page: 'bcMembersTabsJa', rows: SAKURA_MEMBERS, complete: true },
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
  bcMembersJa: 'bc-members',
  bcPartnersJa: 'bc-partners',
  bcAssetMembersJa: 'bc-asset-access',
  bcMembersAr: 'bc-members',
  bcPartnersAr: 'bc-partners',
  bcMembersGrid: 'bc-members',
  bcMembersPaged: 'bc-members',
  bcMembersVirtual: 'bc-members',
  bcMembersTabs: 'bc-members',
  bcPartnersTabs: 'bc-partners',
  bcMembersTabsJa: 'bc-members',
} as const;
