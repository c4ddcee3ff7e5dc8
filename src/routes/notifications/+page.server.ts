import { db } from '$lib/server/db';
import { optionalId, pageNumber } from '$lib/server/form';
import { markMyNotificationsRead, myNotifications } from '$lib/server/notify/notification.service';
import { notificationText } from '$lib/server/notify/mailer';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const { rows, total, unread } = await myNotifications(db(), locals.user, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
	const locale = getLocale();
	// The text is made here from the kind and its parameters; a kind without a catalogue entry
	// (another area's, not translated yet) reads as a generic sentence instead of a key.
	return { unread, total, page, pageSize: PAGE_SIZE, notifications: rows.map((n) => ({ id: n.id, text: notificationText(n.kind, n.params, locale), link: n.link, createdAt: n.createdAt, read: !!n.readAt })) };
};

export const actions: Actions = {
	read: async ({ request, locals }) => {
		const form = await request.formData();
		const id = optionalId(String(form.get('id') ?? ''));
		if (id) await markMyNotificationsRead(db(), locals.user, [id]);
		return { marked: true };
	},
	readAll: async ({ locals }) => {
		await markMyNotificationsRead(db(), locals.user, 'all');
		return { marked: true };
	}
};
