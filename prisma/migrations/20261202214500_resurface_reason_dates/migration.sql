-- Data only: resurface reasons written before they named their date as people read it ("Resume date 2026-11-29
-- arrived") say it the way new ones do ("Resume date Nov 29, 2026 arrived"). The audit log keeps what was written.
UPDATE "Lead"
SET "resurfaceReason" = 'Resume date ' || to_char(substring("resurfaceReason" from 13 for 10)::date, 'Mon FMDD, YYYY') || ' arrived'
WHERE "resurfaceReason" ~ '^Resume date \d{4}-\d{2}-\d{2} arrived$';

UPDATE "Opportunity"
SET "resurfaceReason" = 'Resume date ' || to_char(substring("resurfaceReason" from 13 for 10)::date, 'Mon FMDD, YYYY') || ' arrived'
WHERE "resurfaceReason" ~ '^Resume date \d{4}-\d{2}-\d{2} arrived$';
