/** The access register: schema, database and the functions that write to it. */
export * from './backup';
export * from './csv';
export * from './db';
export * from './event-batches';
export * from './evidence';
export * from './export';
export * from './grants';
export * from './held-accounts';
export * from './history';
export * from './import';
export * from './idb-read';
export * from './queries';
export * from './search';
export * from './sample';
export * from './schema';
export * from './whole-register';
