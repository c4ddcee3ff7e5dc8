import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './helpers';
import { ACTIONS, ROUTES, type RouteAccess } from './routes';

type Who = 'signed-out' | 'learner' | 'trainer' | 'supervisor' | 'admin';
const WHO: Who[] = ['signed-out', 'learner', 'trainer', 'supervisor', 'admin'];
const LOGIN: Record<Exclude<Who, 'signed-out'>, string> = {
	learner: ACCOUNTS.learner,
	trainer: ACCOUNTS.trainer,
	supervisor: ACCOUNTS.supervisor,
	admin: ACCOUNTS.admin
};
// Every demo account is also a learner; the supervisor demo account holds no other area role.
const ROLES: Record<Who, RouteAccess[]> = {
	'signed-out': [],
	learner: ['learner'],
	trainer: ['learner', 'trainer'],
	supervisor: ['learner', 'supervisor'],
	admin: ['learner', 'admin']
};

function expected(access: RouteAccess, who: Who): 'allowed' | 'sign-in' | 'forbidden' | 'sent-home' {
	if (access === 'public') return 'allowed';
	if (access === 'guest') return who === 'signed-out' ? 'allowed' : 'sent-home';
	if (who === 'signed-out') return 'sign-in';
	if (access === 'signed-in') return 'allowed';
	return ROLES[who].includes(access) ? 'allowed' : 'forbidden';
}

async function contextFor(baseURL: string, who: Who): Promise<APIRequestContext> {
	const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, accept: 'text/html' } });
	if (who !== 'signed-out') {
		const res = await ctx.post('/login', { form: { login: LOGIN[who], password: DEMO_PASSWORD, next: '/' }, maxRedirects: 0 });
		expect(res.status(), `sign in as ${who}`).toBe(303);
	}
	return ctx;
}

test.describe('authorisation walk: every route, every role', () => {
	for (const who of WHO) {
		test(`pages as ${who}`, async ({ baseURL }) => {
			const ctx = await contextFor(baseURL!, who);
			const failures: string[] = [];
			for (const route of ROUTES) {
				const want = expected(route.access, who);
				const res = await ctx.get(route.path, { maxRedirects: 0 });
				const got =
					res.status() === 200 ? 'allowed' : res.status() === 403 ? 'forbidden' : res.status() === 303 && (res.headers().location ?? '').startsWith('/login')
								? 'sign-in'
								: res.status() === 303 && res.headers().location === '/'
									? 'sent-home'
									: `status ${res.status()}`;
				if (got !== want) failures.push(`${route.path}: expected ${want}, got ${got}`);
			}
			expect(failures).toEqual([]);
			await ctx.dispose();
		});

		test(`form actions as ${who}`, async ({ baseURL }) => {
			const ctx = await contextFor(baseURL!, who);
			const failures: string[] = [];
			for (const action of ACTIONS) {
				const want = expected(action.access, who);
				if (want === 'allowed') continue; // allowed actions are exercised by the journeys
				const res = await ctx.post(action.path, { form: action.form, maxRedirects: 0, headers: { accept: 'text/html' } });
				const status = res.status();
				const ok = want === 'forbidden' ? status === 403 : status === 401 || status === 303;
				if (!ok) failures.push(`${action.path}: expected ${want}, got ${status}`);
			}
			expect(failures).toEqual([]);
			await ctx.dispose();
		});
	}

	test('refused actions changed nothing', async ({ baseURL }) => {
		const admin = await contextFor(baseURL!, 'admin');
		const units = await (await admin.get('/admin/units')).text();
		expect(units).not.toContain('Unit uji akses');
		expect(await (await admin.get('/admin/positions')).text()).not.toContain('Jabatan uji akses');
		const people = await (await admin.get('/admin/people?q=Orang%20Uji%20Akses')).text();
		expect(people).toContain('Tidak ada yang cocok dengan pencarian ini.');
		// Nobody but its own trainer edited the demo's workshop 1.
		expect(await (await admin.get('/workshops/1')).text()).not.toContain('Uji akses');
		await admin.dispose();
	});
});
