-- migrate:up
-- BKPSDM's organisation roll-up reads every person, certificate and JP entry of the city (the
-- nation, on a cluster). It is computed by the job queue every few minutes (and on an admin's
-- request) and kept here, so opening the report costs one row read whatever the size of the
-- organisation, and every app server shows the same figures with the time they were taken.
create table report_snapshot (
  key text primary key,
  computed_at timestamptz not null,
  data jsonb not null
);

-- migrate:down
drop table report_snapshot;
