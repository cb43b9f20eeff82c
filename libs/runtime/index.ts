// Starting the real components on embedded defaults: PostgreSQL, the Temporal CLI and its dev server.
export * from './embedded-postgres';
export * from './leftovers';
export * from './temporal-cli';
export * from './temporal-dev-server';
export * from './ports';
export * from './search-attributes';
