// Roles and the audience areas they open. Shared by the server (the guard in hooks.server.ts,
// the services) and the navigation; holds no secret.

export const ROLES = ['learner', 'trainer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The audience areas: every path under the prefix needs the role. */
export const AREAS: ReadonlyArray<{ prefix: string; role: Role }> = [
	{ prefix: '/admin', role: 'admin' },
	{ prefix: '/supervisor', role: 'supervisor' },
	{ prefix: '/trainer', role: 'trainer' }
];

/** Paths anyone may open without signing in (public verification, survey, sign-in itself). */
export const PUBLIC_PREFIXES = ['/login', '/verify', '/survey', '/lang', '/health', '/favicon', '/robots.txt'];

function underPrefix(pathname: string, prefix: string): boolean {
	return pathname === prefix || pathname.startsWith(prefix + '/');
}

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PREFIXES.some((p) => underPrefix(pathname, p)) || pathname.startsWith('/_app/');
}

/** The role a path requires, or null for the learner's pages that any signed-in person may open. */
export function requiredRole(pathname: string): Role | null {
	return AREAS.find((a) => underPrefix(pathname, a.prefix))?.role ?? null;
}

export type Access = 'allowed' | 'sign-in' | 'forbidden';

/** What the guard answers for a person holding `roles` (null when signed out) asking for a path. */
export function accessFor(pathname: string, roles: readonly Role[] | null): Access {
	if (isPublicPath(pathname)) return 'allowed';
	if (roles === null) return 'sign-in';
	const role = requiredRole(pathname);
	if (role === null) return 'allowed';
	return roles.includes(role) ? 'allowed' : 'forbidden';
}

/** Only same-site paths may be used as the place to return to after signing in. */
export function safeReturnPath(next: string | null | undefined): string {
	// Browsers drop tabs and newlines from URLs ("/\t/evil.com" becomes "//evil.com"), so any
	// control character or backslash is refused outright, then the path must stay on this origin.
	if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
	const base = 'http://bina.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return '/';
	}
	if (url.origin !== base) return '/';
	return url.pathname + url.search + url.hash;
}
