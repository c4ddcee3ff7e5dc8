import { getLocale } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db';
import { myUnreadCount } from '$lib/server/notify/notification.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user ? { id: locals.user.id, name: locals.user.name, roles: locals.user.roles } : null,
	// The bell in the header: one index read per page.
	unread: locals.user ? await myUnreadCount(db(), locals.user) : 0,
	locale: getLocale()
});
