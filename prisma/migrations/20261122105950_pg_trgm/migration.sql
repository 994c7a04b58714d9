-- Trigram matching for the people search (docs/decisions/0009-people-search.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
