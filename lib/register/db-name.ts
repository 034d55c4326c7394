/**
 * The register database's name, in a module of its own so that code which opens it without
 * Dexie (the popup's first rows) does not load Dexie to learn it.
 */
export const REGISTER_DB_NAME = 'access-register';
