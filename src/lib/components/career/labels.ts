// Words for the career area's codes, from the message catalogue.
import { m } from '$lib/paraglide/messages';

export function kindLabel(kind: string): string {
	return kind === 'manajerial' ? m.career_kind_manajerial() : kind === 'sosial-kultural' ? m.career_kind_sosial() : m.career_kind_teknis();
}

export function sourceLabel(source: string): string {
	switch (source) {
		case 'certificate':
			return m.career_source_certificate();
		case 'manual':
			return m.career_source_manual();
		case 'external':
			return m.career_source_external();
		case 'workshop':
			return m.career_source_workshop();
		case 'mentoring':
			return m.career_source_mentoring();
		case 'elearning':
			return m.career_source_elearning();
		default:
			return source;
	}
}

/** The title of a piece of evidence: mentoring stores the mentee's name, the words come from here. */
export function evidenceTitle(e: { source: string; title: string }): string {
	return e.source === 'mentoring' ? m.ev_evidence_mentor_of({ name: e.title }) : e.title;
}

export function stoppedLabel(state: string): string {
	return state === 'revoked' ? m.career_evidence_revoked() : state === 'expired' ? m.career_evidence_expired() : m.career_evidence_not_yet();
}

export function jpKindLabel(kind: string): string {
	return kind === 'klasikal' ? m.career_jp_klasikal() : m.career_jp_nonklasikal();
}

export function planStatusLabel(status: string): string {
	switch (status) {
		case 'draft':
			return m.career_plan_status_draft();
		case 'submitted':
			return m.career_plan_status_submitted();
		case 'changes-requested':
			return m.career_plan_status_changes();
		case 'approved':
			return m.career_plan_status_approved();
		case 'in-progress':
			return m.career_plan_status_in_progress();
		default:
			return m.career_plan_status_evaluated();
	}
}

export function itemKindLabel(kind: string): string {
	switch (kind) {
		case 'course':
			return m.career_item_course();
		case 'workshop':
			return m.career_item_workshop();
		case 'mentoring':
			return m.career_item_mentoring();
		case 'coaching':
			return m.career_item_coaching();
		default:
			return m.career_item_otj();
	}
}

export function itemStatusLabel(status: string): string {
	return status === 'done' ? m.career_item_done() : status === 'in-progress' ? m.career_item_in_progress() : status === 'dropped' ? m.career_item_dropped() : m.career_item_planned();
}

export function groupLabel(group: string): string {
	return group === 'formal' ? m.career_group_formal() : group === 'social' ? m.career_group_social() : m.career_group_experiential();
}

export function ratingLabel(rating: string): string {
	return rating === 'tercapai' ? m.career_rating_met() : rating === 'sebagian' ? m.career_rating_partly() : m.career_rating_not_met();
}

export function eventLabel(event: string): string {
	switch (event) {
		case 'learner.submit':
			return m.career_event_submit();
		case 'supervisor.requestChanges':
			return m.career_event_changes();
		case 'supervisor.approve':
			return m.career_event_approve();
		case 'system.itemCompleted':
			return m.career_event_item_done();
		case 'supervisor.evaluate':
			return m.career_event_evaluate();
		default:
			return event;
	}
}

export function trainingStatusLabel(status: string): string {
	return status === 'verified' ? m.career_training_verified() : status === 'rejected' ? m.career_training_rejected() : m.career_training_waiting();
}
