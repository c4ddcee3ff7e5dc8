// The public satisfaction survey (SKM, PermenPANRB 14/2017): one public form per unit, no
// sign-in. Abuse is held off without burdening real people: a hidden field that only robots fill,
// a signed single-use stamp (start time + random nonce) on every opened form — a form sent within
// seconds of opening is not a person's, and the same stamp is counted once, so a double submit is
// harmless while two people at one kiosk or behind one office/carrier address count twice — and a
// per-address rate limit (SURVEY_RATE_LIMIT) counted only for forms that validate, so typing
// mistakes never lock a busy kiosk out.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requireRole, type Actor } from '../access';
import { recordAudit } from '../audit';
import { localDate } from '../career/local-date';
import { validDate } from '../form';
import { hitRateLimit } from '../rate-limit';
import { computeIkm, isIkmWeight, SKM_ELEMENTS, type ElementTally, type IkmWeight, type SkmElement } from './ikm';
import type { Problem } from './workshop.service';

type Db = Kysely<DB>;

export const SURVEY_MIN_FILL_MS = 4_000;
export const SURVEY_MAX_FORM_AGE_MS = 6 * 3600_000;
export const SURVEY_RATE_LIMIT = { perAddress: 20, windowMs: 3600_000 };
/** The choice "another service" on a unit's list. */
export const OTHER_SERVICE = 'lainnya';

// ---------------------------------------------------------------------------------------------
// The signed start time. Its key is random, made once and kept in app_setting (no env variable).

async function formKey(db: Db): Promise<string> {
	const found = await db.selectFrom('app_setting').select('value').where('key', '=', 'survey_form_key').executeTakeFirst();
	if (found) return String(found.value);
	await db
		.insertInto('app_setting')
		.values({ key: 'survey_form_key', value: JSON.stringify(randomBytes(32).toString('base64url')) })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'survey_form_key').executeTakeFirstOrThrow();
	return String(row.value);
}

const stampMac = (key: string, ms: number, nonce: string) => createHmac('sha256', key).update(`survey:${ms}:${nonce}`).digest('base64url').slice(0, 22);

/** A stamp for one opened form: its start time and a random nonce, signed. */
export async function formStamp(db: Db, now = new Date()): Promise<string> {
	const ms = now.getTime();
	const nonce = randomBytes(12).toString('base64url');
	return `${ms}.${nonce}.${stampMac(await formKey(db), ms, nonce)}`;
}

export type StampCheck = 'ok' | 'too-fast' | 'expired' | 'invalid';

export async function checkStamp(db: Db, stamp: string, now = new Date()): Promise<StampCheck> {
	const m = /^(\d{10,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/.exec(stamp);
	if (!m) return 'invalid';
	const ms = Number(m[1]);
	const a = Buffer.from(stampMac(await formKey(db), ms, m[2]));
	const b = Buffer.from(m[3]);
	if (a.length !== b.length || !timingSafeEqual(a, b)) return 'invalid';
	const age = now.getTime() - ms;
	if (age < SURVEY_MIN_FILL_MS) return 'too-fast';
	if (age > SURVEY_MAX_FORM_AGE_MS) return 'expired';
	return 'ok';
}

// ---------------------------------------------------------------------------------------------
// The public form

export async function publicSurveyUnit(db: Db, unitCode: string) {
	const unit = await db.selectFrom('org_unit').select(['id', 'code', 'name']).where('code', '=', unitCode.toUpperCase()).executeTakeFirst();
	if (!unit) return null;
	const services = await db
		.selectFrom('survey_service')
		.select(['id', 'name'])
		.where('unit_id', '=', unit.id)
		.where('active', '=', true)
		.orderBy('position')
		.orderBy('name')
		.execute();
	return { ...unit, services };
}

export async function surveyUnits(db: Db) {
	return db
		.selectFrom('org_unit as u')
		.select(['u.code', 'u.name'])
		.where((eb) => eb.exists(eb.selectFrom('survey_service as s').whereRef('s.unit_id', '=', 'u.id').where('s.active', '=', true)))
		.orderBy('u.name')
		.execute();
}

export interface SurveyValues {
	answers: Partial<Record<SkmElement, string>>;
	service: string; // a service id, or OTHER_SERVICE
	serviceOther: string;
	servedOn: string;
	comment: string;
	website: string; // the honeypot
	stamp: string;
}

export type SurveyResult =
	| { ok: true; duplicate: boolean }
	| { ok: false; reason: 'unit'; problems: [] }
	| { ok: false; reason: 'limited'; problems: []; retryAt: Date }
	| { ok: false; reason: 'invalid'; problems: Problem[] };

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export async function submitSurvey(db: Db, unitCode: string, v: SurveyValues, address: string, now = new Date()): Promise<SurveyResult> {
	const unit = await publicSurveyUnit(db, unitCode);
	if (!unit) return { ok: false, reason: 'unit', problems: [] };
	// Only a robot fills the hidden field: it is told "thank you" and nothing is stored.
	if (v.website) return { ok: true, duplicate: false };
	const problems: Problem[] = [];
	const stamp = await checkStamp(db, v.stamp, now);
	if (stamp === 'too-fast') problems.push({ field: 'form', code: 'ev_survey_err_too_fast' });
	else if (stamp !== 'ok') problems.push({ field: 'form', code: 'ev_survey_err_stale' });
	const ratings = {} as Record<SkmElement, number>;
	for (const e of SKM_ELEMENTS) {
		const n = Number(v.answers[e]);
		if (!v.answers[e] || !Number.isInteger(n) || n < 1 || n > 4) problems.push({ field: e, code: 'ev_survey_err_choose' });
		else ratings[e] = n;
	}
	let serviceId: number | null = null;
	let serviceName = '';
	if (unit.services.length && v.service !== OTHER_SERVICE) {
		const s = unit.services.find((x) => String(x.id) === v.service);
		if (!s) problems.push({ field: 'service', code: 'ev_survey_err_service' });
		else {
			serviceId = s.id;
			serviceName = s.name;
		}
	} else {
		serviceName = v.serviceOther.slice(0, 150);
		if (!serviceName) problems.push({ field: 'serviceOther', code: 'ev_survey_err_service_other' });
	}
	const today = localDate(now);
	const yearAgo = localDate(new Date(now.getTime() - 365 * 86_400_000));
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v.servedOn)) problems.push({ field: 'servedOn', code: 'ev_survey_err_date' });
	else if (!validDate(v.servedOn)) problems.push({ field: 'servedOn', code: 'ev_survey_err_date_invalid' });
	else if (v.servedOn > today) problems.push({ field: 'servedOn', code: 'ev_survey_err_date_future' });
	else if (v.servedOn < yearAgo) problems.push({ field: 'servedOn', code: 'ev_survey_err_date_old' });
	if (v.comment.length > 1000) problems.push({ field: 'comment', code: 'ev_survey_err_comment_long' });
	if (problems.length) return { ok: false, reason: 'invalid', problems };

	// Only a form that validates counts against the address's limit.
	const addressKey = hash(`survey-address:${address}`).slice(0, 32);
	const limit = await hitRateLimit(db, `survey:${addressKey}`, SURVEY_RATE_LIMIT.perAddress, SURVEY_RATE_LIMIT.windowMs, now);
	if (!limit.allowed) return { ok: false, reason: 'limited', problems: [], retryAt: limit.retryAt };
	// The stamp is single-use: the same opened form sent twice stores one response.
	const stampHash = hash(`survey-stamp:${v.stamp}`);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('survey_response')
			.values({ unit_id: unit.id, service_id: serviceId, service_name: serviceName, served_on: v.servedOn, comment: v.comment.trim() || null, stamp_hash: stampHash, created_at: now })
			.onConflict((oc) => oc.column('stamp_hash').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!row) return { ok: true as const, duplicate: true };
		const { id } = row;
		await trx
			.insertInto('survey_answer')
			.values(SKM_ELEMENTS.map((e) => ({ response_id: id, element_code: e, rating: ratings[e] })))
			.execute();
		return { ok: true as const, duplicate: false };
	});
}

// ---------------------------------------------------------------------------------------------
// IKM reports (admins)

export async function getIkmWeight(db: Db): Promise<IkmWeight> {
	const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'ikm_weight').executeTakeFirst();
	const v = row ? String(row.value) : 'exact';
	return isIkmWeight(v) ? v : 'exact';
}

export async function setIkmWeight(db: Db, actor: Actor | null, weight: string): Promise<boolean> {
	requireRole(actor, 'admin');
	if (!isIkmWeight(weight)) return false;
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('app_setting')
			.values({ key: 'ikm_weight', value: JSON.stringify(weight), updated_by: actor.id })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(weight), updated_by: actor.id, updated_at: new Date() }))
			.execute();
		await recordAudit(trx, { actorId: actor.id, action: 'setting.ikm_weight', subject: 'app_setting:ikm_weight', detail: { weight } });
	});
	return true;
}

export interface Period {
	from: string; // YYYY-MM-DD, inclusive (date of service)
	to: string;
}

/** Tallies per unit and element over the service dates of the period, computed by the database. */
async function talliesByUnit(db: Db, period: Period, unitId?: number) {
	let answers = db
		.selectFrom('survey_answer as a')
		.innerJoin('survey_response as r', 'r.id', 'a.response_id')
		.select(['r.unit_id as unitId', 'a.element_code as element', sql<number>`sum(a.rating)`.as('sum'), sql<number>`count(*)`.as('answered')])
		.where('r.served_on', '>=', period.from)
		.where('r.served_on', '<=', period.to)
		.groupBy(['r.unit_id', 'a.element_code']);
	let respondents = db
		.selectFrom('survey_response as r')
		.select(['r.unit_id as unitId', sql<number>`count(*)`.as('n')])
		.where('r.served_on', '>=', period.from)
		.where('r.served_on', '<=', period.to)
		.groupBy('r.unit_id');
	if (unitId !== undefined) {
		answers = answers.where('r.unit_id', '=', unitId);
		respondents = respondents.where('r.unit_id', '=', unitId);
	}
	const [a, r] = await Promise.all([answers.execute(), respondents.execute()]);
	const out = new Map<number, { respondents: number; tallies: Record<SkmElement, ElementTally> }>();
	for (const row of r) {
		out.set(row.unitId, {
			respondents: Number(row.n),
			tallies: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { sum: 0, answered: 0 }])) as Record<SkmElement, ElementTally>
		});
	}
	for (const row of a) {
		const u = out.get(row.unitId);
		if (u && (SKM_ELEMENTS as readonly string[]).includes(row.element)) u.tallies[row.element as SkmElement] = { sum: Number(row.sum), answered: Number(row.answered) };
	}
	return out;
}

export async function ikmOverview(db: Db, actor: Actor | null, period: Period) {
	requireRole(actor, 'admin');
	const [weight, units] = await Promise.all([getIkmWeight(db), db.selectFrom('org_unit').select(['id', 'code', 'name']).execute()]);
	const tallies = await talliesByUnit(db, period);
	const rows = units
		.filter((u) => tallies.has(u.id))
		.map((u) => {
			const t = tallies.get(u.id)!;
			return { ...u, result: computeIkm(t.tallies, t.respondents, weight) };
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'id'));
	const surveyed = await db
		.selectFrom('org_unit as u')
		.select(['u.id', 'u.code', 'u.name'])
		.where((eb) => eb.exists(eb.selectFrom('survey_service as s').whereRef('s.unit_id', '=', 'u.id')))
		.orderBy('u.name')
		.execute();
	return { weight, rows, surveyed };
}

/** Months (YYYY-MM) from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	let [y, m] = from.slice(0, 7).split('-').map(Number);
	const [ty, tm] = to.slice(0, 7).split('-').map(Number);
	while (y < ty || (y === ty && m <= tm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		m++;
		if (m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
}

export function monthEnd(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export async function ikmForUnit(db: Db, actor: Actor | null, unitCode: string, period: Period) {
	requireRole(actor, 'admin');
	const unit = await db.selectFrom('org_unit').select(['id', 'code', 'name']).where('code', '=', unitCode).executeTakeFirst();
	if (!unit) return null;
	const weight = await getIkmWeight(db);
	const t = (await talliesByUnit(db, period, unit.id)).get(unit.id);
	const result = t ? computeIkm(t.tallies, t.respondents, weight) : null;
	const months = await Promise.all(
		monthsBetween(period.from, period.to).map(async (month) => {
			const p = { from: `${month}-01`, to: monthEnd(month) };
			const mt = (await talliesByUnit(db, p, unit.id)).get(unit.id);
			return { month, result: mt ? computeIkm(mt.tallies, mt.respondents, weight) : null };
		})
	);
	const [byService, comments, services] = await Promise.all([
		db
			.selectFrom('survey_response')
			.select(['service_name as service', sql<number>`count(*)`.as('n')])
			.where('unit_id', '=', unit.id)
			.where('served_on', '>=', period.from)
			.where('served_on', '<=', period.to)
			.groupBy('service_name')
			.orderBy(sql`count(*)`, 'desc')
			.execute(),
		db
			.selectFrom('survey_response')
			.select(['comment', 'served_on as servedOn', 'service_name as service'])
			.where('unit_id', '=', unit.id)
			.where('comment', 'is not', null)
			.where('served_on', '>=', period.from)
			.where('served_on', '<=', period.to)
			.orderBy('served_on', 'desc')
			.limit(20)
			.execute(),
		db.selectFrom('survey_service').select(['id', 'name', 'active']).where('unit_id', '=', unit.id).orderBy('position').orderBy('name').execute()
	]);
	return { unit, weight, result, months, byService: byService.map((s) => ({ ...s, n: Number(s.n) })), comments, services };
}

// ---------------------------------------------------------------------------------------------
// The unit's list of services (admins)

export async function addSurveyService(db: Db, actor: Actor | null, unitCode: string, name: string): Promise<{ ok: true } | { ok: false; problems: Problem[] }> {
	requireRole(actor, 'admin');
	const clean = name.trim().replace(/\s+/g, ' ');
	if (!clean) return { ok: false, problems: [{ field: 'name', code: 'err_required' }] };
	if (clean.length > 150) return { ok: false, problems: [{ field: 'name', code: 'ev_err_too_long' }] };
	const unit = await db.selectFrom('org_unit').select('id').where('code', '=', unitCode).executeTakeFirst();
	if (!unit) return { ok: false, problems: [{ field: 'name', code: 'err_unit_unknown' }] };
	await db.transaction().execute(async (trx) => {
		const pos = await trx.selectFrom('survey_service').select(sql<number>`coalesce(max(position), 0) + 1`.as('p')).where('unit_id', '=', unit.id).executeTakeFirstOrThrow();
		await trx
			.insertInto('survey_service')
			.values({ unit_id: unit.id, name: clean, position: Number(pos.p) })
			.onConflict((oc) => oc.columns(['unit_id', 'name']).doUpdateSet({ active: true }))
			.execute();
		await recordAudit(trx, { actorId: actor.id, action: 'survey.service_added', subject: `unit:${unit.id}`, detail: { name: clean } });
	});
	return { ok: true };
}

/** Services are never deleted (past answers name them): they are taken off the form. */
export async function setSurveyServiceActive(db: Db, actor: Actor | null, unitCode: string, serviceId: number, active: boolean) {
	requireRole(actor, 'admin');
	await db
		.updateTable('survey_service')
		.set({ active })
		.where('id', '=', serviceId)
		.where('unit_id', '=', db.selectFrom('org_unit').select('id').where('code', '=', unitCode))
		.execute();
}
