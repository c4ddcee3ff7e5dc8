-- migrate:up
-- A mentoring pair is one row per mentor, mentee and start date: two submits of the same form
-- at once store one pairing (the service inserts with on conflict do nothing).
create unique index mentoring_pair_once on mentoring_pair (mentor_id, mentee_id, starts_on);

-- The public survey counts a form once by the hash of its single-use signed stamp (each opened
-- form has its own), no longer by a fingerprint of the address and the answers: two people behind
-- one address giving the same answers are two respondents.
alter table survey_response add column stamp_hash text;
create unique index survey_response_stamp_once on survey_response (stamp_hash);
alter table survey_response alter column fingerprint drop not null;

-- migrate:down
update survey_response set fingerprint = coalesce(fingerprint, stamp_hash, id::text) where fingerprint is null;
alter table survey_response alter column fingerprint set not null;
drop index survey_response_stamp_once;
alter table survey_response drop column stamp_hash;
drop index mentoring_pair_once;
