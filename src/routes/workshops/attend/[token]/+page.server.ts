import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { translate } from '$lib/server/i18n';
import { attendByToken, previewAttendance } from '$lib/server/evaluation/workshop.service';
import type { Actions, PageServerLoad } from './$types';

// The phone's camera opens this page from the QR code. Reading it writes nothing (link previews,
// reloads); the learner confirms with one button, a form that works without JavaScript.
export const load: PageServerLoad = async ({ locals, params }) => {
	const check = await previewAttendance(db(), locals.user!, params.token);
	return check.ok
		? { ok: true as const, title: check.title, jp: check.jp, workshopId: check.workshopId, already: check.already }
		: { ok: false as const, message: translate(check.code), workshopId: check.workshopId ?? null };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const r = await attendByToken(db(), locals.user!, params.token);
		if (!r.ok) return fail(400, { message: translate(r.code) });
		return { recorded: true, title: r.title, jp: r.jp, workshopId: r.workshopId };
	}
};
