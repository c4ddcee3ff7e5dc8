import { test } from '@playwright/test';
import { ACCOUNTS, signInAndWait } from './helpers';

const shots: Array<[string, string, string]> = [
	['admin', '/admin/evaluation', 'admin-ikm'],
	['admin', '/admin/evaluation/units/DISDUKCAPIL', 'admin-unit'],
	['admin', '/admin/evaluation/effect', 'admin-effect'],
	['admin', '/admin/evaluation/indicators', 'admin-ind'],
	['admin', '/admin/evaluation/training', 'admin-training'],
	['trainer', '/trainer/workshops', 'tr-list'],
	['trainer', '/trainer/workshops/new', 'tr-new'],
	['trainer', '/trainer/workshops/2', 'tr-detail'],
	['trainer', '/trainer/evaluations', 'tr-results'],
	['supervisor', '/mentoring', 'mentoring'],
	['supervisor', '/supervisor/evaluations', 'sv-eval'],
	['learner', '/workshops', 'workshops']
];
for (const width of [1280, 360]) {
	test(`shots ${width}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const byRole: Record<string, string> = { admin: ACCOUNTS.admin, trainer: ACCOUNTS.trainer, supervisor: ACCOUNTS.supervisor, learner: ACCOUNTS.learner };
		for (const who of ['admin', 'trainer', 'supervisor', 'learner']) {
			const ctx = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 900 } });
			const page = await ctx.newPage();
			await signInAndWait(page, byRole[who]);
			for (const [w, path, name] of shots.filter((s) => s[0] === who)) {
				await page.goto(path);
				await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
				void w;
			}
			await ctx.close();
		}
		const ctx = await browser.newContext({ viewport: { width, height: 740 } });
		const page = await ctx.newPage();
		await page.goto('/survey/DISDUKCAPIL');
		await page.screenshot({ path: `/tmp/shots/survey-${width}.png`, fullPage: true });
	});
}
