-- migrate:up
-- Workshops and seminars (klasikal) with registration, waiting list and QR attendance; mentoring
-- pairs and their sessions (non-klasikal); evaluation of training (level 1 reaction, level 3
-- behaviour); the public satisfaction survey (SKM) per unit and the units' service indicators.

-- A scheduled classroom session. Its attendance QR code is an HMAC of the time window under
-- qr_secret, a random secret of this session only (no server-wide key to leak or rotate).
create table workshop (
  id serial primary key,
  title text not null check (length(trim(title)) > 0),
  description text not null default '',
  course_id text references course (id),
  competency_code text references competency (code) on update cascade,
  competency_level integer check (competency_level between 1 and 5),
  place text,
  online_url text check (online_url is null or online_url ~ '^https?://'),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 5000),
  jp numeric(6, 2) not null check (jp > 0 and jp <= 200),
  -- Co-organisers, e.g. ["Universitas Sumatera Utara"].
  partners jsonb not null default '[]',
  trainer_id integer not null references person (id),
  qr_secret text not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check ((competency_code is null) = (competency_level is null)),
  check (place is not null or online_url is not null)
);
create index workshop_starts_idx on workshop (starts_at);
create index workshop_trainer_idx on workshop (trainer_id);

-- One row per person and session. The waiting list is ordered by queued_at, then id; a
-- cancellation frees the seat for the first waiting person (in the same transaction).
create table workshop_registration (
  id serial primary key,
  workshop_id integer not null references workshop (id) on delete cascade,
  person_id integer not null references person (id) on delete cascade,
  status text not null check (status in ('registered', 'waitlisted', 'cancelled')),
  queued_at timestamptz not null default now(),
  promoted_at timestamptz,
  cancelled_at timestamptz,
  attended_at timestamptz,
  attendance_method text check (attendance_method in ('qr', 'trainer')),
  unique (workshop_id, person_id),
  check (attended_at is null or status = 'registered')
);
create index workshop_registration_queue_idx on workshop_registration (workshop_id, status, queued_at, id);
create index workshop_registration_person_idx on workshop_registration (person_id);

-- A senior mentor and a mentee (new ASN) for a period, set by an admin or a supervisor.
create table mentoring_pair (
  id serial primary key,
  mentor_id integer not null references person (id) on delete cascade,
  mentee_id integer not null references person (id) on delete cascade,
  starts_on date not null,
  ends_on date not null,
  goal text not null default '',
  created_by integer references person (id) on delete set null,
  created_at timestamptz not null default now(),
  check (mentor_id <> mentee_id),
  check (ends_on >= starts_on)
);
create index mentoring_pair_mentor_idx on mentoring_pair (mentor_id);
create index mentoring_pair_mentee_idx on mentoring_pair (mentee_id);

-- A session logged by the mentor; the mentee's confirmation makes it count (JP, evidence).
create table mentoring_session (
  id serial primary key,
  pair_id integer not null references mentoring_pair (id) on delete cascade,
  held_on date not null,
  minutes integer not null check (minutes between 5 and 600),
  topic text not null check (length(trim(topic)) > 0),
  agreed_actions text not null default '',
  status text not null default 'logged' check (status in ('logged', 'confirmed')),
  confirmed_at timestamptz,
  created_at timestamptz not null default now()
);
-- The same session sent twice (a double submit) is one session.
create unique index mentoring_session_once_idx on mentoring_session (pair_id, held_on, lower(topic));

-- Level 1 (reaction): one evaluation per person and activity, ratings 1-5.
create table training_evaluation (
  id serial primary key,
  person_id integer not null references person (id) on delete cascade,
  course_id text references course (id),
  workshop_id integer references workshop (id) on delete cascade,
  relevance smallint not null check (relevance between 1 and 5),
  clarity smallint not null check (clarity between 1 and 5),
  delivery smallint not null check (delivery between 1 and 5),
  usefulness smallint not null check (usefulness between 1 and 5),
  comment text,
  created_at timestamptz not null default now(),
  check ((course_id is null) <> (workshop_id is null))
);
create unique index training_evaluation_course_idx on training_evaluation (person_id, course_id) where course_id is not null;
create unique index training_evaluation_workshop_idx on training_evaluation (person_id, workshop_id) where workshop_id is not null;

-- Level 3 (behaviour): about three months after a course is completed the direct supervisor is
-- asked whether the person applies what was learned. One request per completed enrolment.
create table behaviour_evaluation (
  id serial primary key,
  enrolment_id integer not null unique references enrolment (id) on delete cascade,
  person_id integer not null references person (id) on delete cascade,
  course_id text not null references course (id),
  supervisor_id integer references person (id) on delete set null,
  completed_on date not null,
  requested_at timestamptz not null default now(),
  rating smallint check (rating between 1 and 4),
  note text,
  answered_at timestamptz,
  answered_by integer references person (id) on delete set null,
  check ((rating is null) = (answered_at is null))
);
create index behaviour_evaluation_supervisor_idx on behaviour_evaluation (supervisor_id, answered_at);

-- The services a unit offers, offered as choices on its public survey (admins keep the list).
create table survey_service (
  id serial primary key,
  unit_id integer not null references org_unit (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  active boolean not null default true,
  position integer not null default 0,
  unique (unit_id, name)
);

-- One answered SKM form (PermenPANRB 14/2017). No personal data is kept: the fingerprint is a
-- hash of the address, the unit and the answers, used only to refuse the same form twice.
create table survey_response (
  id bigserial primary key,
  unit_id integer not null references org_unit (id) on delete cascade,
  service_id integer references survey_service (id) on delete set null,
  service_name text not null,
  served_on date not null,
  comment text,
  fingerprint text not null,
  created_at timestamptz not null default now()
);
create index survey_response_unit_idx on survey_response (unit_id, served_on);
create index survey_response_fingerprint_idx on survey_response (fingerprint, created_at);

-- The answers by element code (never by position: published forms order them differently).
create table survey_answer (
  response_id bigint not null references survey_response (id) on delete cascade,
  element_code text not null check (element_code in
    ('persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana')),
  rating smallint not null check (rating between 1 and 4),
  primary key (response_id, element_code)
);

-- Complaints and their handling per unit and month (level 4: results in the service).
create table service_indicator (
  unit_id integer not null references org_unit (id) on delete cascade,
  month date not null check (extract(day from month) = 1),
  complaints_received integer not null check (complaints_received >= 0),
  complaints_resolved integer not null check (complaints_resolved >= 0),
  resolved_within_standard integer not null check (resolved_within_standard >= 0),
  avg_days_to_resolve numeric(6, 2) check (avg_days_to_resolve >= 0),
  updated_by integer references person (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (unit_id, month),
  check (resolved_within_standard <= complaints_resolved)
);

-- The weight of each element in the IKM: 'exact' (1/9) by default; '0.11' or '0.111' reproduce
-- published reports that print the rounded weight.
insert into app_setting (key, value) values ('ikm_weight', '"exact"') on conflict (key) do nothing;

-- migrate:down
delete from app_setting where key = 'ikm_weight';
drop table service_indicator;
drop table survey_answer;
drop table survey_response;
drop table survey_service;
drop table behaviour_evaluation;
drop table training_evaluation;
drop table mentoring_session;
drop table mentoring_pair;
drop table workshop_registration;
drop table workshop;
