import { getLocale } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db';
import { myUnreadCount } from '$lib/server/notify/notification.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	user: locals.user ? { id: locals.user.id, name: locals.user.name, roles: locals.user.roles } : null,
	// The bell in the header: counted with the session, except on the notifications page, whose
	// actions change the count after the session was read.
	unread: !locals.user ? 0 : url.pathname === '/notifications' ? await myUnreadCount(db(), locals.user) : locals.unreadNotifications,
	locale: getLocale()
});
