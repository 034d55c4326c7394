/** The typed message protocol. */
export * from './protocol';
