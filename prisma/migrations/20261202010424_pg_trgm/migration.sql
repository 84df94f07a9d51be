-- Trigram matching, so the lists' substring search (ILIKE '%…%') can use GIN indexes instead of reading every
-- row of the organization. PGlite loads the extension from @electric-sql/pglite/contrib/pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
