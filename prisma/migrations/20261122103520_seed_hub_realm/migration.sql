-- The hub realm must exist in every database: realm-scoped rows reference it, and the hub
-- instance serves it. Data only, so the drift check between migrations and schema stays clean.
INSERT INTO "Realm" (id, name) VALUES ('hub', 'Hub') ON CONFLICT DO NOTHING;
