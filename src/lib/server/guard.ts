import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/auth/roles';

/**
 * The area layouts call this so a person without the role sees the 403 page inside the app's
 * layout. Actions and endpoints are refused earlier, in hooks.server.ts, and services check again.
 */
export function requireAreaRole(locals: App.Locals, role: Role) {
	const user = locals.user;
	if (!user) error(401, m.err_signed_out());
	if (!user.roles.includes(role)) error(403, m.err_forbidden());
	return user;
}
