-- migrate:up
-- Competency framework as data (descriptors per level, required levels per position), the
-- evidence that a person holds a level, the JP ledger, development plans (IDP) and the in-app
-- notification list that reminders and requests write to.

alter table competency add column active boolean not null default true;

-- What each level (1-5) of a competency means. Edited by admins; seeded with the level titles of
-- the PermenPANRB 38/2017 annex for the manajerial and sosial-kultural competencies.
create table competency_level (
  competency_code text not null references competency (code) on update cascade on delete cascade,
  level integer not null check (level between 1 and 5),
  description text not null check (length(trim(description)) > 0),
  primary key (competency_code, level)
);

insert into competency_level (competency_code, level, description) values
  ('MNJ-INT', 1, 'Mampu bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi.'),
  ('MNJ-INT', 2, 'Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.'),
  ('MNJ-INT', 3, 'Mampu memastikan dan menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai nilai, norma, dan etika organisasi, dalam lingkup formal.'),
  ('MNJ-INT', 4, 'Mampu menciptakan situasi kerja yang membuat rekan kerja patuh pada nilai, norma, dan etika organisasi dalam segala situasi dan kondisi.'),
  ('MNJ-INT', 5, 'Mampu menjadi teladan dalam penerapan standar keadilan dan etika di tingkat nasional.'),
  ('MNJ-KS', 1, 'Berpartisipasi dalam kelompok kerja.'),
  ('MNJ-KS', 2, 'Menumbuhkan tim kerja yang partisipatif dan efektif.'),
  ('MNJ-KS', 3, 'Efektif membangun tim kerja untuk peningkatan kinerja organisasi.'),
  ('MNJ-KS', 4, 'Membangun komitmen tim dan sinergi antarunit.'),
  ('MNJ-KS', 5, 'Menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar instansi.'),
  ('MNJ-KOM', 1, 'Menyampaikan informasi dengan jelas, lengkap, dan dengan pemahaman yang sama.'),
  ('MNJ-KOM', 2, 'Aktif berkomunikasi secara formal dan informal; mendengarkan orang lain dan menanggapi pesan dengan tepat; menyusun laporan dan bahan paparan.'),
  ('MNJ-KOM', 3, 'Berkomunikasi secara asertif; terampil menyampaikan informasi yang sensitif, rumit, atau kompleks secara lisan dan tertulis.'),
  ('MNJ-KOM', 4, 'Mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan demi kinerja yang lebih baik.'),
  ('MNJ-KOM', 5, 'Menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi dan meningkatkan kinerja.'),
  ('MNJ-OPH', 1, 'Bertanggung jawab untuk memenuhi standar kerja.'),
  ('MNJ-OPH', 2, 'Berupaya meningkatkan hasil kerja pribadi di atas standar; mencari dan mencoba metode alternatif.'),
  ('MNJ-OPH', 3, 'Menetapkan target kerja yang menantang bagi unit kerja; memberi apresiasi dan teguran untuk mendorong kinerja.'),
  ('MNJ-OPH', 4, 'Mendorong unit kerja mencapai atau melampaui target dan hasil kerja sebelumnya.'),
  ('MNJ-OPH', 5, 'Menyusun kebijakan dengan target kinerja organisasi yang tinggi dan meningkatkan mutu pencapaiannya.'),
  ('MNJ-PP', 1, 'Menjalankan tugas mengikuti standar pelayanan.'),
  ('MNJ-PP', 2, 'Mengawasi dan menjelaskan proses pelaksanaan tugas pelayanan publik secara transparan.'),
  ('MNJ-PP', 3, 'Memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup unit kerja.'),
  ('MNJ-PP', 4, 'Memantau, mengevaluasi, dan mengantisipasi dampak isu jangka panjang dalam melayani kebutuhan pemangku kepentingan secara transparan, objektif, dan profesional.'),
  ('MNJ-PP', 5, 'Memastikan kebijakan pelayanan publik yang objektif, netral, tidak memihak, dan tidak diskriminatif.'),
  ('MNJ-PDO', 1, 'Mengembangkan diri: belajar dari pengalaman dan mencari umpan balik.'),
  ('MNJ-PDO', 2, 'Meningkatkan kemampuan bawahan dengan memberi contoh dan menjelaskan cara melaksanakan pekerjaan.'),
  ('MNJ-PDO', 3, 'Memberikan umpan balik dan membimbing pegawai lain.'),
  ('MNJ-PDO', 4, 'Menyusun program pengembangan jangka panjang untuk mendorong manajemen pembelajaran.'),
  ('MNJ-PDO', 5, 'Menciptakan situasi yang mendorong organisasi belajar secara berkelanjutan untuk mencapai hasil.'),
  ('MNJ-MP', 1, 'Menyesuaikan diri dengan perubahan.'),
  ('MNJ-MP', 2, 'Proaktif beradaptasi mengikuti perubahan.'),
  ('MNJ-MP', 3, 'Membantu orang lain mengikuti perubahan dan mengantisipasinya secara tepat.'),
  ('MNJ-MP', 4, 'Memimpin perubahan pada unit kerja.'),
  ('MNJ-MP', 5, 'Mengarahkan perubahan yang berdampak luas bagi organisasi.'),
  ('MNJ-PK', 1, 'Mengumpulkan informasi untuk bertindak sesuai kewenangan.'),
  ('MNJ-PK', 2, 'Menganalisis masalah secara mendalam.'),
  ('MNJ-PK', 3, 'Membandingkan berbagai alternatif dan menyeimbangkan risiko dalam pelaksanaan.'),
  ('MNJ-PK', 4, 'Menyelesaikan masalah berisiko tinggi, mengantisipasi dampak keputusan, dan menyiapkan mitigasi risiko.'),
  ('MNJ-PK', 5, 'Menghasilkan solusi dan keputusan untuk masalah jangka panjang atau strategis.'),
  ('SK-PB', 1, 'Peka memahami dan menerima kemajemukan.'),
  ('SK-PB', 2, 'Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan.'),
  ('SK-PB', 3, 'Mempromosikan dan mengembangkan sikap toleransi dan persatuan.'),
  ('SK-PB', 4, 'Mendayagunakan perbedaan secara konstruktif dan kreatif untuk efektivitas organisasi.'),
  ('SK-PB', 5, 'Menjadi wakil pemerintah dalam membangun hubungan sosial psikologis di tengah kemajemukan.');

-- Teknis competencies: the generic level meaning applied to the field (editable by admins).
insert into competency_level (competency_code, level, description)
select c.code, l.level, l.template || ' (' || c.name || ').'
from competency c
cross join (values
  (1, 'Menerapkan pengetahuan dasar bidang ini sesuai prosedur untuk tugasnya sendiri'),
  (2, 'Menerapkan bidang ini secara penuh dan mandiri, untuk diri sendiri dan tim'),
  (3, 'Menerapkan bidang ini secara mendalam dan menggerakkan unit kerja'),
  (4, 'Memahami nilai dan prinsip di balik bidang ini dan membentuk kebijakan'),
  (5, 'Memimpin penerapan bidang ini lintas organisasi')
) as l (level, template)
where c.kind = 'teknis';

-- The level each position requires per competency (the standard a person is measured against).
create table position_competency (
  position_id integer not null references job_position (id) on delete cascade,
  competency_code text not null references competency (code) on update cascade on delete cascade,
  required_level integer not null check (required_level between 1 and 5),
  primary key (position_id, competency_code)
);

-- A training taken outside the platform, submitted by the learner with a document and verified by
-- their supervisor. Verified ones write JP and evidence.
create table external_training (
  id serial primary key,
  person_id integer not null references person (id) on delete cascade,
  title text not null check (length(trim(title)) > 0),
  organiser text not null,
  kind text not null check (kind in ('klasikal', 'non-klasikal')),
  start_date date not null,
  end_date date not null check (end_date >= start_date),
  jp numeric(6, 2) not null check (jp > 0),
  competency_code text references competency (code) on update cascade,
  competency_level integer check (competency_level between 1 and 5),
  document_name text not null,
  document_type text not null,
  document bytea not null,
  status text not null default 'submitted' check (status in ('submitted', 'verified', 'rejected')),
  reviewed_by integer references person (id),
  reviewed_at timestamptz,
  review_note text,
  created_at timestamptz not null default now(),
  check ((competency_code is null) = (competency_level is null))
);
create index external_training_person_idx on external_training (person_id);
create index external_training_pending_idx on external_training (status) where status = 'submitted';

-- Evidence that a person holds a competency at a level. A person's current level is derived from
-- the valid evidence (not expired, not revoked); nothing here is deleted.
create table competency_evidence (
  id serial primary key,
  person_id integer not null references person (id) on delete cascade,
  competency_code text not null references competency (code) on update cascade,
  level integer not null check (level between 1 and 5),
  source text not null check (source in ('certificate', 'manual', 'external', 'workshop', 'mentoring')),
  -- The id of the certificate, external training, workshop session… that proves it.
  source_ref text not null,
  title text not null,
  valid_from date not null,
  valid_until date,
  revoked_at timestamptz,
  revoked_reason text,
  recorded_by integer references person (id) on delete set null,
  note text,
  created_at timestamptz not null default now(),
  unique (person_id, source, source_ref, competency_code)
);
create index competency_evidence_person_idx on competency_evidence (person_id, competency_code);

-- The JP ledger: one row per completed activity and person, so an activity completed twice is
-- counted once (the unique key).
create table jp_entry (
  id bigserial primary key,
  person_id integer not null references person (id) on delete cascade,
  occurred_on date not null,
  kind text not null check (kind in ('klasikal', 'non-klasikal')),
  source text not null check (source in ('elearning', 'external', 'workshop', 'mentoring')),
  source_ref text not null,
  title text not null,
  jp numeric(6, 2) not null check (jp > 0),
  minutes integer,
  created_at timestamptz not null default now(),
  unique (person_id, source, source_ref)
);
create index jp_entry_person_date_idx on jp_entry (person_id, occurred_on);

-- Development plans (IDP), one per person and year, driven by plan.machine.ts.
create table development_plan (
  id serial primary key,
  person_id integer not null references person (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  status text not null,
  snapshot jsonb not null,
  machine_version integer not null,
  -- The direct supervisor who must approve, fixed when the plan is submitted.
  supervisor_id integer references person (id) on delete set null,
  submitted_at timestamptz,
  approved_at timestamptz,
  evaluated_at timestamptz,
  evaluation_rating text check (evaluation_rating in ('tercapai', 'sebagian', 'tidak-tercapai')),
  evaluation_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (person_id, year)
);
create index development_plan_supervisor_idx on development_plan (supervisor_id, status);

create table plan_item (
  id serial primary key,
  plan_id integer not null references development_plan (id) on delete cascade,
  position integer not null,
  -- 10:20:70: formal learning (course, workshop), coaching/mentoring, on-the-job.
  kind text not null check (kind in ('course', 'workshop', 'mentoring', 'coaching', 'on-the-job')),
  competency_code text references competency (code) on update cascade,
  target_level integer check (target_level between 1 and 5),
  course_id text references course (id),
  title text not null check (length(trim(title)) > 0),
  target_date date,
  status text not null default 'planned' check (status in ('planned', 'in-progress', 'done', 'dropped')),
  completed_at timestamptz,
  created_at timestamptz not null default now()
);
create index plan_item_plan_idx on plan_item (plan_id, position);
create index plan_item_course_idx on plan_item (course_id) where course_id is not null;

-- Every transition of a plan: who, when, what they said.
create table plan_event (
  id bigserial primary key,
  plan_id integer not null references development_plan (id) on delete cascade,
  event text not null,
  from_status text not null,
  to_status text not null,
  actor_id integer references person (id) on delete set null,
  comment text,
  at timestamptz not null default now()
);
create index plan_event_plan_idx on plan_event (plan_id, at);

-- In-app notifications (reminders, requests). E-mail, when configured, is sent from here by the
-- job queue; the unique dedupe key makes every reminder exist once.
create table notification (
  id bigserial primary key,
  person_id integer not null references person (id) on delete cascade,
  kind text not null,
  params jsonb not null default '{}',
  link text,
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  email_status text not null default 'none' check (email_status in ('none', 'pending', 'sent', 'failed')),
  emailed_at timestamptz
);
create index notification_person_idx on notification (person_id, created_at desc);

-- Earlier completions and certificates enter the ledger and the evidence once.
insert into jp_entry (person_id, occurred_on, kind, source, source_ref, title, jp)
select e.person_id, (e.completed_at at time zone 'Asia/Jakarta')::date, 'non-klasikal', 'elearning', 'enrolment:' || e.id, v.title, v.jp
from enrolment e join course_version v on v.id = e.course_version_id
where e.status = 'completed' and e.completed_at is not null
on conflict do nothing;

insert into competency_evidence (person_id, competency_code, level, source, source_ref, title, valid_from, valid_until, revoked_at, revoked_reason)
select c.person_id, comp.value ->> 'code', (comp.value ->> 'level')::integer, 'certificate', c.id::text, c.course_title,
  (c.issued_at at time zone 'Asia/Jakarta')::date, (c.expires_at at time zone 'Asia/Jakarta')::date, c.revoked_at, c.revoked_reason
from certificate c cross join lateral jsonb_array_elements(c.competencies) as comp (value)
where exists (select 1 from competency k where k.code = comp.value ->> 'code')
on conflict do nothing;

insert into app_setting (key, value) values ('plan_model', '{"formal": 10, "social": 20, "experiential": 70}')
  on conflict (key) do nothing;

-- migrate:down
delete from app_setting where key = 'plan_model';
drop table notification;
drop table plan_event;
drop table plan_item;
drop table development_plan;
drop table jp_entry;
drop table competency_evidence;
drop table external_training;
drop table position_competency;
drop table competency_level;
alter table competency drop column active;
