import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { optionalId } from '$lib/server/form';
import { currentAttendanceCode } from '$lib/server/evaluation/workshop.service';
import { trainerWorkshop } from '$lib/server/evaluation/workshop-edit.service';
import type { PageServerLoad } from './$types';

// The code for the projector. It changes every 30 seconds; the page reloads itself when the code
// changes (a meta refresh, so it needs no JavaScript).
export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const id = optionalId(params.id);
	const found = id ? await trainerWorkshop(db(), locals.user, id) : null;
	const code = id ? await currentAttendanceCode(db(), locals.user, id) : null;
	if (!found || !code) error(404, m.err_not_found());
	setHeaders({ 'cache-control': 'no-store' });
	const link = code.token ? `${url.origin}/workshops/attend/${code.token}` : null;
	const svg = link ? await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
	const present = found.registrations.filter((r) => r.attendedAt).length;
	const registered = found.registrations.filter((r) => r.status === 'registered').length;
	return { workshop: found.workshop, link, svg, seconds: code.seconds, open: code.open, present, registered };
};
