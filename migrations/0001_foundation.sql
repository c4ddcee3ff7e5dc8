-- migrate:up
-- The organisation (units, positions, people), accounts, sessions and sign-in throttling.

create table org_unit (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9._-]{1,31}$'),
  name text not null check (length(trim(name)) > 0),
  kind text not null check (kind in ('sekretariat', 'badan', 'dinas', 'kecamatan', 'kelurahan', 'bagian', 'bidang', 'uptd')),
  parent_id integer references org_unit (id) on delete restrict,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
-- Subtree walks (a supervisor's reach) go from parent to children.
create index org_unit_parent_idx on org_unit (parent_id);

create table job_position (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9._-]{1,31}$'),
  name text not null check (length(trim(name)) > 0),
  kind text not null check (kind in ('struktural', 'fungsional', 'pelaksana')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table person (
  id serial primary key,
  -- NIP of an ASN; null only for operator accounts that are not civil servants.
  nip char(18) unique check (nip ~ '^[0-9]{18}$'),
  email text,
  name text not null check (length(trim(name)) > 0),
  unit_id integer references org_unit (id) on delete restrict,
  position_id integer references job_position (id) on delete restrict,
  supervisor_id integer references person (id) on delete set null,
  password_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (supervisor_id is null or supervisor_id <> id),
  check (nip is not null or email is not null)
);
create unique index person_email_key on person (lower(email));
create index person_unit_idx on person (unit_id);
create index person_supervisor_idx on person (supervisor_id);
create index person_name_idx on person (lower(name) text_pattern_ops);

create table person_role (
  person_id integer not null references person (id) on delete cascade,
  role text not null check (role in ('learner', 'trainer', 'supervisor', 'admin')),
  primary key (person_id, role)
);

-- Sessions after Lucia's design: the id is the SHA-256 of the token the browser holds.
create table auth_session (
  id text primary key,
  person_id integer not null references person (id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index auth_session_person_idx on auth_session (person_id);
create index auth_session_expires_idx on auth_session (expires_at);

-- Failed sign-ins per account and per client address; app servers keep no state, so the
-- counters live here.
create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);

create table app_setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by integer references person (id) on delete set null
);

-- Who changed what: kept for auditors, never edited.
create table audit_event (
  id bigserial primary key,
  actor_id integer references person (id) on delete set null,
  action text not null,
  subject text,
  detail jsonb,
  created_at timestamptz not null default now()
);
create index audit_event_created_idx on audit_event (created_at);

-- migrate:down
drop table audit_event;
drop table app_setting;
drop table login_throttle;
drop table auth_session;
drop table person_role;
drop table person;
drop table job_position;
drop table org_unit;
