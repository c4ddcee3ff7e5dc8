-- migrate:up
-- Courses from content/, their immutable versions, enrolments and progress.

create table course (
  id text primary key,              -- the stable id from the course's frontmatter
  slug text not null,
  current_version_id integer,
  source text not null default 'content' check (source in ('content', 'editor')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per distinct content of a course (its hash). Never updated: a changed course is a new
-- row, and enrolments keep pointing at the version they started.
create table course_version (
  id serial primary key,
  course_id text not null references course (id),
  hash text not null,
  title text not null,
  summary text not null,
  audience text not null,
  level text not null check (level in ('dasar', 'menengah', 'lanjut')),
  jp numeric(6, 2) not null check (jp > 0),
  topic text not null,
  tags jsonb not null default '[]',
  prerequisites jsonb not null default '[]',
  competencies jsonb not null default '[]',
  certification jsonb,
  total_minutes integer not null,
  created_at timestamptz not null default now(),
  unique (course_id, hash)
);
alter table course add constraint course_current_version_fk foreign key (current_version_id) references course_version (id);

create table module_version (
  id serial primary key,
  course_version_id integer not null references course_version (id),
  module_id text not null,          -- the stable id from the module's frontmatter
  position integer not null,
  title text not null,
  minutes integer not null,
  hash text not null,
  file text not null,
  question_ids jsonb not null default '[]',
  unique (course_version_id, module_id),
  unique (course_version_id, position)
);
create index module_version_module_idx on module_version (module_id);

create table enrolment (
  id serial primary key,
  person_id integer not null references person (id) on delete cascade,
  course_id text not null references course (id),
  course_version_id integer not null references course_version (id),
  status text not null default 'active' check (status in ('active', 'completed', 'withdrawn')),
  enrolled_at timestamptz not null default now(),
  completed_at timestamptz,
  last_module_id text,
  last_seen_at timestamptz,
  due_at date,
  unique (person_id, course_id)
);
create index enrolment_course_idx on enrolment (course_id, status);

-- Progress is keyed by the stable module id, so it survives a new version of the course.
create table module_progress (
  enrolment_id integer not null references enrolment (id) on delete cascade,
  module_id text not null,
  status text not null default 'started' check (status in ('started', 'completed')),
  started_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (enrolment_id, module_id)
);

-- The latest answer to each practice question (immediate feedback; not graded).
create table practice_answer (
  enrolment_id integer not null references enrolment (id) on delete cascade,
  question_id text not null,
  response jsonb not null,
  correct boolean not null,
  tries integer not null default 1,
  answered_at timestamptz not null default now(),
  primary key (enrolment_id, question_id)
);

-- The competency framework (PermenPANRB 38/2017) as data; courses name competencies by code.
create table competency (
  code text primary key check (code ~ '^[A-Z]{2,4}-[A-Z]{2,6}$'),
  name text not null,
  kind text not null check (kind in ('manajerial', 'sosial-kultural', 'teknis')),
  description text not null default '',
  position integer not null default 0
);
insert into competency (code, name, kind, position) values
  ('MNJ-INT', 'Integritas', 'manajerial', 1),
  ('MNJ-KS', 'Kerjasama', 'manajerial', 2),
  ('MNJ-KOM', 'Komunikasi', 'manajerial', 3),
  ('MNJ-OPH', 'Orientasi pada Hasil', 'manajerial', 4),
  ('MNJ-PP', 'Pelayanan Publik', 'manajerial', 5),
  ('MNJ-PDO', 'Pengembangan Diri dan Orang Lain', 'manajerial', 6),
  ('MNJ-MP', 'Mengelola Perubahan', 'manajerial', 7),
  ('MNJ-PK', 'Pengambilan Keputusan', 'manajerial', 8),
  ('SK-PB', 'Perekat Bangsa', 'sosial-kultural', 9),
  ('TEK-MPR', 'Manajemen Proyek Pemerintahan', 'teknis', 10),
  ('TEK-SPBE', 'E-Government dan SPBE', 'teknis', 11),
  ('TEK-DATA', 'Tata Kelola Data', 'teknis', 12),
  ('TEK-YAN', 'Penyelenggaraan Pelayanan Publik', 'teknis', 13),
  ('TEK-ADU', 'Penanganan Pengaduan', 'teknis', 14);

insert into app_setting (key, value) values ('jp_target_per_year', '20'), ('jp_minutes', '45')
  on conflict (key) do nothing;

-- migrate:down
delete from app_setting where key in ('jp_target_per_year', 'jp_minutes');
drop table competency;
drop table practice_answer;
drop table module_progress;
drop table enrolment;
alter table course drop constraint course_current_version_fk;
drop table module_version;
drop table course_version;
drop table course;
