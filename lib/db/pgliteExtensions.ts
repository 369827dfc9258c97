import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * The PostgreSQL extensions every PGlite instance loads (the app's database and the
 * migration engine's scratch instances alike), so migrations run the same SQL as on
 * PostgreSQL: search uses pg_trgm (docs/search.md).
 */
export const pgliteExtensions = { pg_trgm };
