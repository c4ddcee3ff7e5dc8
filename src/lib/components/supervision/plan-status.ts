import { m } from '$lib/paraglide/messages';

/** A plan status in words; a status this list does not know yet is shown as it is stored. */
export function planStatusLabel(status: string | null): string {
	if (!status) return m.sup_plan_none();
	const known: Record<string, () => string> = {
		draft: m.sup_plan_status_draft,
		submitted: m.sup_plan_status_submitted,
		approved: m.sup_plan_status_approved,
		returned: m.sup_plan_status_returned,
		evaluated: m.sup_plan_status_evaluated
	};
	return known[status]?.() ?? status;
}
