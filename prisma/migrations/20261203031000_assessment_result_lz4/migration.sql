-- Storage only: a deal's stored explained result (~3 KB of JSON, compressed because the row would not fit the
-- 2 KB TOAST threshold otherwise) is compressed with lz4 instead of pglz when written. A full re-score rewrites
-- every open deal's row; with pglz, compression was about a quarter of the server's CPU for that UPDATE. Values
-- already stored keep their compression until rewritten; readers see the same JSON. A server built without lz4
-- (the embedded database) keeps pglz. Account results (~1 KB) are stored uncompressed either way.
DO $$
BEGIN
  ALTER TABLE "OpportunityAssessment" ALTER COLUMN "result" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available here: "OpportunityAssessment".result keeps pglz';
END $$;
