-- migrate:up
-- Final exams (attempts driven by the quiz machine), certifications (driven by the certification
-- machine) and the certificates they issue. Nothing here is ever deleted.

-- Which trainers teach which course: they grade its essays and see its statistics.
create table course_trainer (
  course_id text not null references course (id),
  person_id integer not null references person (id) on delete cascade,
  primary key (course_id, person_id)
);

create table exam_attempt (
  id serial primary key,
  enrolment_id integer not null references enrolment (id),
  person_id integer not null references person (id),
  course_id text not null references course (id),
  course_version_id integer not null references course_version (id),
  exam_id text not null,
  exam_hash text not null,
  attempt_no integer not null,
  question_ids jsonb not null,
  status text not null,
  started_at timestamptz not null,
  deadline_at timestamptz,
  submitted_at timestamptz,
  graded_at timestamptz,
  score numeric(8, 2),
  max_score numeric(8, 2),
  percent numeric(5, 2),
  passed boolean,
  -- The quiz machine's persisted snapshot and the machine version that wrote it.
  snapshot jsonb not null,
  machine_version integer not null,
  unique (enrolment_id, attempt_no)
);
create index exam_attempt_person_course_idx on exam_attempt (person_id, course_id);
create index exam_attempt_pending_idx on exam_attempt (course_id) where status = 'awaiting-manual-grading';

create table exam_answer (
  attempt_id integer not null references exam_attempt (id),
  question_id text not null,
  response jsonb,
  score numeric(8, 2),
  max_score numeric(8, 2) not null,
  answered_at timestamptz not null default now(),
  graded_by integer references person (id),
  graded_at timestamptz,
  grader_comment text,
  primary key (attempt_id, question_id)
);

create table certification (
  id serial primary key,
  person_id integer not null references person (id),
  course_id text not null references course (id),
  status text not null,
  snapshot jsonb not null,
  machine_version integer not null,
  updated_at timestamptz not null default now(),
  unique (person_id, course_id)
);
create index certification_status_idx on certification (status);

-- Every transition of a certification: who, when, why.
create table certification_event (
  id bigserial primary key,
  certification_id integer not null references certification (id),
  event text not null,
  from_status text not null,
  to_status text not null,
  actor_id integer references person (id),
  reason text,
  at timestamptz not null default now()
);
create index certification_event_cert_idx on certification_event (certification_id, at);

create table certificate (
  id serial primary key,
  code text not null unique,
  person_id integer not null references person (id),
  course_id text not null references course (id),
  course_version_id integer not null references course_version (id),
  certification_id integer not null references certification (id),
  -- One certificate per passed attempt, however often the pass is processed.
  attempt_id integer not null unique references exam_attempt (id),
  issued_at timestamptz not null,
  expires_at timestamptz,
  score_percent numeric(5, 2),
  -- What the certificate states, frozen at issue.
  holder_name text not null,
  holder_nip text,
  course_title text not null,
  jp numeric(6, 2) not null,
  competencies jsonb not null,
  revoked_at timestamptz,
  revoked_by integer references person (id),
  revoked_reason text,
  check ((revoked_at is null) = (revoked_reason is null))
);
create index certificate_person_idx on certificate (person_id);
create index certificate_expires_idx on certificate (expires_at);

-- Generic fixed-window counters for public endpoints (certificate verification).
create table rate_limit (
  key text primary key,
  count integer not null,
  window_started_at timestamptz not null
);

insert into app_setting (key, value) values ('certificate_expiring_window_days', '90') on conflict (key) do nothing;

-- migrate:down
delete from app_setting where key = 'certificate_expiring_window_days';
drop table rate_limit;
drop table certificate;
drop table certification_event;
drop table certification;
drop table exam_answer;
drop table exam_attempt;
drop table course_trainer;
