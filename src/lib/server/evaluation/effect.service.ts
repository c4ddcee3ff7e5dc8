// The training-effect report for BKPSDM: for each surveyed unit, the share of its staff trained in
// public service and complaint handling over the last four quarters, beside its IKM and its
// complaint-resolution rate in the half-year before and the half-year after. It shows figures
// side by side; it does not claim that the training caused the change.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { localDate } from '../career/local-date';
import { computeIkm, SKM_ELEMENTS, type ElementTally, type SkmElement } from './ikm';
import { getIkmWeight, monthEnd } from './survey.service';

type Db = Kysely<DB>;

/** Evidence of these competencies, or completing this course, counts as trained. */
export const SERVICE_COMPETENCIES = ['MNJ-PP', 'TEK-YAN', 'TEK-ADU'] as const;
export const SERVICE_COURSE = 'pelayanan-publik-prima';

function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + n, 1));
	return d.toISOString().slice(0, 7);
}

export interface Quarter {
	label: string; // e.g. 2026-03 … 2026-05
	from: string;
	to: string;
}

/** The four quarters (three months each) ending with the current month. */
export function lastFourQuarters(today: string): Quarter[] {
	const current = today.slice(0, 7);
	return [3, 2, 1, 0].map((k) => {
		const first = addMonths(current, -(k * 3 + 2));
		const last = addMonths(current, -(k * 3));
		return { label: `${first} – ${last}`, from: `${first}-01`, to: k === 0 ? today : monthEnd(last) };
	});
}

const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);

export async function trainingEffect(db: Db, actor: Actor | null, now = new Date()) {
	requireRole(actor, 'admin');
	const today = localDate(now);
	const quarters = lastFourQuarters(today);
	const start = quarters[0].from;
	const weight = await getIkmWeight(db);
	// Units with survey answers or indicators in the window.
	const units = await db
		.selectFrom('org_unit as u')
		.select(['u.id', 'u.code', 'u.name'])
		.where((eb) =>
			eb.or([
				eb.exists(eb.selectFrom('survey_response as r').whereRef('r.unit_id', '=', 'u.id').where('r.served_on', '>=', start)),
				eb.exists(eb.selectFrom('service_indicator as i').whereRef('i.unit_id', '=', 'u.id').where('i.month', '>=', start))
			])
		)
		.orderBy('u.name')
		.execute();
	if (!units.length) return { quarters, rows: [], weight };
	const unitIds = units.map((u) => u.id);

	// Staff of a unit: the unit and its bidang/bagian (kelurahan and UPT have their own surveys).
	const staff = await sql<{ root: number; person_id: number }>`
		with recursive tree(root, id) as (
			select id, id from org_unit where id in (${sql.join(unitIds)})
			union all
			select t.root, u.id from org_unit u join tree t on u.parent_id = t.id where u.kind in ('bidang', 'bagian')
		)
		select t.root, p.id as person_id from tree t join person p on p.unit_id = t.id where p.active`.execute(db);
	const personIds = [...new Set(staff.rows.map((r) => r.person_id))];
	// The day each person first counted as trained (evidence or the course completed).
	const trainedOn = new Map<number, string>();
	if (personIds.length) {
		const ev = await db
			.selectFrom('competency_evidence')
			.select(['person_id as personId', sql<string>`min(valid_from)::text`.as('day')])
			.where('person_id', 'in', personIds)
			.where('competency_code', 'in', [...SERVICE_COMPETENCIES])
			.where('revoked_at', 'is', null)
			.groupBy('person_id')
			.execute();
		const courses = await db
			.selectFrom('enrolment')
			.select(['person_id as personId', sql<string>`min((completed_at at time zone 'Asia/Jakarta')::date)::text`.as('day')])
			.where('person_id', 'in', personIds)
			.where('course_id', '=', SERVICE_COURSE)
			.where('status', '=', 'completed')
			.groupBy('person_id')
			.execute();
		for (const r of [...ev, ...courses]) {
			const prev = trainedOn.get(r.personId);
			if (!prev || r.day < prev) trainedOn.set(r.personId, r.day);
		}
	}

	const [answers, respondents, indicators] = await Promise.all([
		db
			.selectFrom('survey_answer as a')
			.innerJoin('survey_response as r', 'r.id', 'a.response_id')
			.select(['r.unit_id as unitId', 'r.served_on as servedOn', 'a.element_code as element', 'a.rating'])
			.where('r.unit_id', 'in', unitIds)
			.where('r.served_on', '>=', start)
			.execute(),
		db
			.selectFrom('survey_response')
			.select(['unit_id as unitId', 'served_on as servedOn'])
			.where('unit_id', 'in', unitIds)
			.where('served_on', '>=', start)
			.execute(),
		db
			.selectFrom('service_indicator')
			.select(['unit_id as unitId', 'month', 'complaints_received as received', 'complaints_resolved as resolved', 'resolved_within_standard as within'])
			.where('unit_id', 'in', unitIds)
			.where('month', '>=', start)
			.execute()
	]);

	const ikmBetween = (unitId: number, from: string, to: string) => {
		const tallies = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { sum: 0, answered: 0 }])) as Record<SkmElement, ElementTally>;
		for (const a of answers) {
			if (a.unitId !== unitId || a.servedOn < from || a.servedOn > to) continue;
			const t = tallies[a.element as SkmElement];
			if (!t) continue;
			t.sum += a.rating;
			t.answered++;
		}
		const n = respondents.filter((r) => r.unitId === unitId && r.servedOn >= from && r.servedOn <= to).length;
		const result = computeIkm(tallies, n, weight);
		return { ikm: result.ikmRounded, band: result.band, respondents: n };
	};
	const complaintsBetween = (unitId: number, from: string, to: string) => {
		let received = 0;
		let resolved = 0;
		let within = 0;
		for (const i of indicators) {
			if (i.unitId !== unitId || i.month < from || i.month > to) continue;
			received += i.received;
			resolved += i.resolved;
			within += i.within;
		}
		return { received, resolved, resolutionRate: pct(resolved, received), withinRate: pct(within, resolved) };
	};

	const rows = units.map((u) => {
		const people = staff.rows.filter((r) => r.root === u.id).map((r) => r.person_id);
		const trainedBy = (day: string) => people.filter((p) => (trainedOn.get(p) ?? '9999') <= day).length;
		const series = quarters.map((q) => ({
			quarter: q.label,
			trained: trainedBy(q.to),
			trainedShare: pct(trainedBy(q.to), people.length),
			...ikmBetween(u.id, q.from, q.to),
			...complaintsBetween(u.id, q.from, q.to)
		}));
		const before = { from: quarters[0].from, to: quarters[1].to };
		const after = { from: quarters[2].from, to: quarters[3].to };
		return {
			...u,
			staff: people.length,
			series,
			before: { trainedShare: pct(trainedBy(before.to), people.length), ...ikmBetween(u.id, before.from, before.to), ...complaintsBetween(u.id, before.from, before.to) },
			after: { trainedShare: pct(trainedBy(after.to), people.length), ...ikmBetween(u.id, after.from, after.to), ...complaintsBetween(u.id, after.from, after.to) }
		};
	});
	return { quarters, rows, weight };
}
