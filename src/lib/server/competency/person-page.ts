import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { optionalId, text } from '$lib/server/form';
import { fieldErrors } from '$lib/server/i18n';
import { activeCompetencies, addManualEvidence, competencyProfile } from './competency.service';

/**
 * The load and the manual-evidence action shared by the two pages that show one person's competency
 * record to someone else (BKPSDM: /admin/people/[id]/competency, supervisors: /supervisor/people/[id]).
 * Who may see or record is decided by the services (admin, or the person's supervisor reach in SQL).
 */

function personId(raw: string): number {
	const id = optionalId(raw);
	if (id === null) error(404, m.err_not_found());
	return id;
}

export async function loadPersonCompetency(actor: App.Locals['user'], rawId: string) {
	const id = personId(rawId);
	const profile = await competencyProfile(db(), actor, id).catch((e) => asHttpError(e, m.err_forbidden()));
	return { profile, competencies: await activeCompetencies(db(), actor), self: id === actor!.id };
}

export async function recordManualEvidence(request: Request, actor: App.Locals['user'], rawId: string) {
	const form = await request.formData();
	const values = { competencyCode: text(form, 'competencyCode'), level: text(form, 'level'), note: text(form, 'note'), validUntil: text(form, 'validUntil') };
	const result = await addManualEvidence(db(), actor, personId(rawId), values).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!result.ok) return fail(400, { values, errors: fieldErrors(result.problems) });
	return { recorded: true };
}
