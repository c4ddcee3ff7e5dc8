import { describe, expect, it } from 'vitest';
import { ROLES, accessFor, isPublicPath, isRole, requiredRole, safeReturnPath, type Role } from './roles';

/** Every set of roles a person can hold, from none to all four. */
const ROLE_SETS: Role[][] = Array.from({ length: 1 << ROLES.length }, (_, mask) => ROLES.filter((_, i) => mask & (1 << i)));

/** Paths and the one role each needs; null: any signed-in person; 'public': anyone at all. */
const PATHS: Array<[string, Role | null | 'public']> = [
	['/admin', 'admin'],
	['/admin/people/1', 'admin'],
	['/admin/units', 'admin'],
	['/supervisor', 'supervisor'],
	['/supervisor/team', 'supervisor'],
	['/trainer', 'trainer'],
	['/trainer/courses/7', 'trainer'],
	['/', null],
	['/account', null],
	['/login', 'public'],
	['/verify/x', 'public'],
	['/verify', 'public'],
	['/survey/abc', 'public'],
	['/health', 'public']
];

describe('accessFor', () => {
	it('has 16 role combinations to check', () => {
		expect(ROLE_SETS).toHaveLength(16);
		expect(ROLE_SETS).toContainEqual([]);
		expect(ROLE_SETS).toContainEqual(['learner', 'trainer', 'supervisor', 'admin']);
	});

	for (const [path, need] of PATHS) {
		it(`answers ${path} correctly for every role combination and for signed-out visitors`, () => {
			if (need === 'public') expect(accessFor(path, null)).toBe('allowed');
			else expect(accessFor(path, null)).toBe('sign-in');
			for (const roles of ROLE_SETS) {
				const expected = need === 'public' || need === null || roles.includes(need) ? 'allowed' : 'forbidden';
				expect(accessFor(path, roles), `${path} as [${roles.join(',')}]`).toBe(expected);
			}
		});
	}

	it('lets a learner open only the learner pages', () => {
		const learner: Role[] = ['learner'];
		expect(accessFor('/', learner)).toBe('allowed');
		expect(accessFor('/account', learner)).toBe('allowed');
		expect(accessFor('/admin', learner)).toBe('forbidden');
		expect(accessFor('/supervisor', learner)).toBe('forbidden');
		expect(accessFor('/trainer', learner)).toBe('forbidden');
	});

	it('lets a person with several roles open each of their areas and no other', () => {
		const roles: Role[] = ['learner', 'supervisor', 'trainer'];
		expect(accessFor('/supervisor', roles)).toBe('allowed');
		expect(accessFor('/trainer/courses', roles)).toBe('allowed');
		expect(accessFor('/admin', roles)).toBe('forbidden');
		expect(accessFor('/admin/people/1', roles)).toBe('forbidden');
	});

	it('does not give the admin role the other areas', () => {
		expect(accessFor('/supervisor', ['learner', 'admin'])).toBe('forbidden');
		expect(accessFor('/trainer', ['learner', 'admin'])).toBe('forbidden');
	});

	it('sends signed-out visitors to sign in for every protected page', () => {
		for (const path of ['/', '/account', '/admin', '/admin/people/1', '/supervisor', '/trainer', '/administrator']) {
			expect(accessFor(path, null), path).toBe('sign-in');
		}
	});

	it('does not confuse paths that merely start with an area name', () => {
		expect(requiredRole('/administrator')).toBeNull();
		expect(requiredRole('/admins')).toBeNull();
		expect(requiredRole('/trainerx')).toBeNull();
		expect(requiredRole('/supervisors')).toBeNull();
		expect(accessFor('/administrator', ['learner'])).toBe('allowed');
		expect(accessFor('/trainerx', ['learner'])).toBe('allowed');
		// …and a public prefix does not open a look-alike path either.
		expect(isPublicPath('/loginx')).toBe(false);
		expect(isPublicPath('/verifyx/1')).toBe(false);
		expect(accessFor('/loginx', null)).toBe('sign-in');
	});
});

describe('requiredRole', () => {
	it('names the role for every path inside an area', () => {
		expect(requiredRole('/admin')).toBe('admin');
		expect(requiredRole('/admin/')).toBe('admin');
		expect(requiredRole('/admin/people/1')).toBe('admin');
		expect(requiredRole('/supervisor')).toBe('supervisor');
		expect(requiredRole('/trainer/x/y')).toBe('trainer');
		expect(requiredRole('/')).toBeNull();
		expect(requiredRole('/account')).toBeNull();
	});
});

describe('isRole', () => {
	it('accepts exactly the four roles', () => {
		for (const r of ROLES) expect(isRole(r)).toBe(true);
		for (const r of ['Admin', 'root', '', 'atasan', null, 1, undefined]) expect(isRole(r)).toBe(false);
	});
});

describe('safeReturnPath', () => {
	const ORIGIN = 'https://bina.pemkomedan.go.id';

	it('keeps same-site paths, with their query', () => {
		expect(safeReturnPath('/admin?x=1')).toBe('/admin?x=1');
		expect(safeReturnPath('/admin/people/1')).toBe('/admin/people/1');
		expect(safeReturnPath('/')).toBe('/');
	});

	it('falls back to the home page when there is nothing to return to', () => {
		expect(safeReturnPath('')).toBe('/');
		expect(safeReturnPath(null)).toBe('/');
		expect(safeReturnPath(undefined)).toBe('/');
	});

	it('refuses other sites', () => {
		expect(safeReturnPath('//evil.com')).toBe('/');
		expect(safeReturnPath('//evil.com/admin')).toBe('/');
		expect(safeReturnPath('https://evil.com')).toBe('/');
		expect(safeReturnPath('http://evil.com/')).toBe('/');
		expect(safeReturnPath('/\\evil')).toBe('/');
		expect(safeReturnPath('/\\evil.com')).toBe('/');
		expect(safeReturnPath('javascript:alert(1)')).toBe('/');
		expect(safeReturnPath('evil.com')).toBe('/');
	});

	it('never returns a path that a browser resolves to another site', () => {
		// Browsers drop tabs and newlines from URLs before resolving them (WHATWG URL), so
		// "/<TAB>/evil.com" is followed as "//evil.com". The login page reads `next` from the
		// query string (?next=/%09/evil.com) and redirects to it after signing in.
		const attacks = ['//evil.com', '/\\evil.com', '/\t/evil.com', '/\n/evil.com', '/\r\n/evil.com', '/\t\\evil.com', '/%2F/evil.com', '/%5Cevil.com'];
		const leaks = attacks.filter((attack) => new URL(safeReturnPath(attack), `${ORIGIN}/login`).origin !== ORIGIN);
		expect(leaks, 'return paths that leave the site').toEqual([]);
	});
});
