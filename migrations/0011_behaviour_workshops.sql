-- migrate:up
-- Level 3 (behaviour) for workshops too: about three months after a person attended a session
-- their direct supervisor is asked, as after a completed course. A request is about exactly one
-- subject: a completed enrolment (with its course) or an attended registration (with its
-- session), unique per subject. completed_on is the day (WIB) the course was completed or the
-- session attended. Every existing row is about an enrolment and satisfies the new checks.
alter table behaviour_evaluation alter column enrolment_id drop not null;
alter table behaviour_evaluation alter column course_id drop not null;
alter table behaviour_evaluation add column registration_id integer;
alter table behaviour_evaluation add column workshop_id integer;

-- The registration's session is the request's session: a composite key on the registration
-- lets the database, not the job, guarantee that the trainer's report counts the right session.
alter table workshop_registration add constraint workshop_registration_id_workshop_key unique (id, workshop_id);
alter table behaviour_evaluation add constraint behaviour_evaluation_registration_key unique (registration_id);
alter table behaviour_evaluation add constraint behaviour_evaluation_registration_fkey
  foreign key (registration_id, workshop_id) references workshop_registration (id, workshop_id) on delete cascade;
alter table behaviour_evaluation add constraint behaviour_evaluation_subject_check
  check ((enrolment_id is null) <> (registration_id is null));
alter table behaviour_evaluation add constraint behaviour_evaluation_course_check
  check ((enrolment_id is null) = (course_id is null));
alter table behaviour_evaluation add constraint behaviour_evaluation_workshop_check
  check ((registration_id is null) = (workshop_id is null));
create index behaviour_evaluation_workshop_idx on behaviour_evaluation (workshop_id) where workshop_id is not null;

-- migrate:down
delete from behaviour_evaluation where enrolment_id is null;
drop index behaviour_evaluation_workshop_idx;
alter table behaviour_evaluation drop constraint behaviour_evaluation_workshop_check;
alter table behaviour_evaluation drop constraint behaviour_evaluation_course_check;
alter table behaviour_evaluation drop constraint behaviour_evaluation_subject_check;
alter table behaviour_evaluation drop constraint behaviour_evaluation_registration_fkey;
alter table behaviour_evaluation drop constraint behaviour_evaluation_registration_key;
alter table workshop_registration drop constraint workshop_registration_id_workshop_key;
alter table behaviour_evaluation drop column workshop_id;
alter table behaviour_evaluation drop column registration_id;
alter table behaviour_evaluation alter column course_id set not null;
alter table behaviour_evaluation alter column enrolment_id set not null;
