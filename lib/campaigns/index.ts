/**
 * Access review campaigns: a frozen snapshot of the grants in a scope, one decision per item,
 * suggestions with their reasons, and the writes that keep each decision's history.
 */
export * from './carry-out';
export * from './decisions';
export * from './items';
export * from './page-url';
export * from './read';
export * from './scope';
export * from './store';
export * from './suggestions';
export * from './words';
export * from '../register/campaign-schema';
export * from './report';
