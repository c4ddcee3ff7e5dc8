-- migrate:up
-- A trainer may let a learner sit the exam again at once (waiving the wait and the attempt cap
-- once), with a reason. Each grant is used by exactly one attempt and is never deleted.
create table exam_grant (
  id serial primary key,
  enrolment_id integer not null references enrolment (id),
  granted_by integer not null references person (id),
  reason text not null check (length(trim(reason)) > 0),
  granted_at timestamptz not null default now(),
  used_by_attempt_id integer unique references exam_attempt (id)
);
create index exam_grant_open_idx on exam_grant (enrolment_id) where used_by_attempt_id is null;

-- migrate:down
drop table exam_grant;
