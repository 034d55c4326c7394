/** The access register: schema, database and the functions that write to it. */
export * from './db';
export * from './grants';
export * from './sample';
export * from './schema';
