/**
 * The access register: schema, database, the functions that write to it, its queries, its words,
 * and the jobs that import and export it. The extension pages import the register from here; the
 * popup's first screen takes its words and first-rows query by their paths, to paint before the
 * database code loads (docs/register-performance.md).
 */
export * from './backup';
export * from './csv';
export * from './days';
export * from './db';
export * from './event-batches';
export * from './evidence';
export * from './export';
export * from './export-job';
export * from './grants';
export * from './held-accounts';
export * from './held-accounts-picker';
export * from './held-accounts-visit';
export * from './held-types';
export * from './history';
export * from './identity';
export * from './import';
export * from './idb-read';
export * from './import-job';
export * from './labels';
export * from './queries';
export * from './search';
export * from './sample';
export * from './schema';
export * from './whole-register';
