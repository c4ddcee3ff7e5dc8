import { m } from '$lib/paraglide/messages';
import type { PlanStatus } from '$lib/machines/plan.machine';

/** Every status the plan machine has, in words (the type makes a missing one a compile error). */
const LABELS: Record<PlanStatus, () => string> = {
	draft: m.sup_plan_status_draft,
	submitted: m.sup_plan_status_submitted,
	'changes-requested': m.sup_plan_status_changes_requested,
	approved: m.sup_plan_status_approved,
	'in-progress': m.sup_plan_status_in_progress,
	evaluated: m.sup_plan_status_evaluated
};

/** A plan status in words; a status the machine does not have is shown as it is stored. */
export function planStatusLabel(status: string | null): string {
	if (!status) return m.sup_plan_none();
	return (LABELS as Record<string, () => string>)[status]?.() ?? status;
}
