-- migrate:up
-- Supervision: course assignments (a supervisor or BKPSDM gives a course with a due date) and the
-- indexes that the team overview, the BKPSDM roll-up, the reminder scan and the per-course report
-- read through. The job queue (pg-boss) keeps its own tables in the `pgboss` schema, created by
-- the library at start-up.

-- An assignment is an enrolment with a due date that somebody else gave: who and when. A course
-- the learner took up on their own has neither.
alter table enrolment add column assigned_by integer references person (id) on delete set null;
alter table enrolment add column assigned_at timestamptz;

-- Team overview, "overdue assignments" per person and the reminder scan (due soon / overdue):
-- open enrolments with a due date, by person and by date.
create index enrolment_person_due_idx on enrolment (person_id, due_at) where status = 'active' and due_at is not null;
create index enrolment_due_idx on enrolment (due_at) where status = 'active' and due_at is not null;

-- Team overview and roll-up, certificate states per person: the latest certificate per course
-- (distinct on person, course ordered by issue date) is read from this index without a sort.
create index certificate_person_course_issued_idx on certificate (person_id, course_id, issued_at desc) include (expires_at, revoked_at);

-- Team overview and roll-up, JP this year per person: an index-only range scan of the ledger
-- (jp_entry_person_date_idx has no jp column, so every row would be fetched from the heap).
create index jp_entry_person_date_jp_idx on jp_entry (person_id, occurred_on) include (jp);

-- BKPSDM roll-up: people per unit with the active flag, read index-only.
create index person_unit_active_idx on person (unit_id) include (id) where active;

-- BKPSDM reports, failures and pass rate per course: graded attempts by course.
create index exam_attempt_course_graded_idx on exam_attempt (course_id) include (passed, percent, started_at, submitted_at) where passed is not null;

-- Reminder e-mail: the pending notifications, oldest first.
create index notification_email_pending_idx on notification (created_at) where email_status = 'pending';

-- migrate:down
drop index notification_email_pending_idx;
drop index exam_attempt_course_graded_idx;
drop index person_unit_active_idx;
drop index jp_entry_person_date_jp_idx;
drop index certificate_person_course_issued_idx;
drop index enrolment_due_idx;
drop index enrolment_person_due_idx;
alter table enrolment drop column assigned_at;
alter table enrolment drop column assigned_by;
