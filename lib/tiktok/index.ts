/** Everything the extension knows about TikTok's pages. */
export * from './routes';
export * from './selectors';
export {
  classifyPage,
  describeWeighing,
  mayBeAccessPage,
  pageConfirmsAccess,
  readPageEvidence,
  weighEvidence,
  weighPage,
} from './classify';
export type { Decision, PageEvidence, Vote, Weighing } from './classify';
export { readAccessTable, sameParty } from './read-table';
export type { AccessRow, AccessTableReading } from './read-table';
export { accessTableKind } from './table-shape';
export type { AccessTableKind } from './table-shape';
export {
  readAdvertiserIdFromPage,
  readBcName,
  readBcOrgId,
  readBusinessCenterList,
} from './context';
export type { BusinessCenterEntry } from './context';
export * from './flow';
export * from './controls';
export { messageElements, observePage } from './observe';
export type { Observation } from './observe';
export { readPageFacts } from './page-facts';
export type { PageFacts } from './page-facts';
export * from './advice';
