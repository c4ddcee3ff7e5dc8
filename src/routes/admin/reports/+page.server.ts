import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { organisationReport } from '$lib/server/supervision/supervision.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const report = await organisationReport(db(), locals.user).catch((e) => asHttpError(e, m.err_forbidden()));
	const code = url.searchParams.get('unit')?.trim() || null;
	// The unit looked at (the organisation's root by default) and its child units, each with the
	// totals of its own subtree.
	const focus = code ? report.units.find((u) => u.code === code) : null;
	if (code && !focus) error(404, m.err_not_found());
	const parent = focus?.parentId ? (report.units.find((u) => u.unitId === focus.parentId) ?? null) : null;
	const shown = focus ? [focus] : report.units.filter((u) => u.parentId === null);
	const children = focus ? report.units.filter((u) => u.parentId === focus.unitId) : [];
	const childCounts = new Map<number, number>();
	for (const u of report.units) if (u.parentId !== null) childCounts.set(u.parentId, (childCounts.get(u.parentId) ?? 0) + 1);
	const withChildren = (list: typeof report.units) => list.map((u) => ({ ...u, hasChildren: (childCounts.get(u.unitId) ?? 0) > 0 }));
	return {
		year: report.year,
		jpTarget: report.jpTarget,
		failures: report.failures,
		computedAt: report.computedAt,
		focus: focus ?? null,
		parent,
		shown: withChildren(shown),
		children: withChildren(focus ? children : shown.flatMap((r) => report.units.filter((u) => u.parentId === r.unitId)))
	};
};

export const actions: Actions = {
	// Computes the figures now instead of waiting for the next scheduled snapshot.
	refresh: async ({ locals }) => {
		await organisationReport(db(), locals.user, new Date(), { refresh: true }).catch((e) => asHttpError(e, m.err_forbidden()));
		return { refreshed: true };
	}
};
