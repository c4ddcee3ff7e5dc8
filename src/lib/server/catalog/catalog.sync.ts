// At start-up the courses of content/ are written to the database: a course whose content hash
// is new gets a new immutable version; enrolments keep the version they started.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Course } from '../../content/types';

export interface SyncReport {
	created: string[];
	newVersions: string[];
	unchanged: string[];
}

export async function syncCatalog(db: Kysely<DB>, courses: Course[]): Promise<SyncReport> {
	const report: SyncReport = { created: [], newVersions: [], unchanged: [] };
	await db.transaction().execute(async (trx) => {
		for (const c of courses) {
			const existing = await trx.selectFrom('course').select(['id', 'current_version_id']).where('id', '=', c.id).executeTakeFirst();
			if (!existing) await trx.insertInto('course').values({ id: c.id, slug: c.slug }).execute();
			const version = await trx.selectFrom('course_version').select('id').where('course_id', '=', c.id).where('hash', '=', c.hash).executeTakeFirst();
			let versionId = version?.id;
			if (!versionId) {
				const inserted = await trx
					.insertInto('course_version')
					.values({
						course_id: c.id,
						hash: c.hash,
						title: c.title,
						summary: c.summary,
						audience: c.audience,
						level: c.level,
						jp: c.jp,
						topic: c.topic,
						tags: JSON.stringify(c.tags),
						prerequisites: JSON.stringify(c.prerequisites),
						competencies: JSON.stringify(c.competencies),
						certification: c.certification ? JSON.stringify(c.certification) : null,
						total_minutes: c.modules.reduce((s, m) => s + m.minutes, 0)
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				versionId = inserted.id;
				await trx
					.insertInto('module_version')
					.values(
						c.modules.map((m, i) => ({
							course_version_id: versionId!,
							module_id: m.id,
							position: i + 1,
							title: m.title,
							minutes: m.minutes,
							hash: m.hash,
							file: m.file,
							question_ids: JSON.stringify(m.questions.map((q) => q.id))
						}))
					)
					.execute();
				(existing ? report.newVersions : report.created).push(c.id);
			} else {
				report.unchanged.push(c.id);
			}
			if (existing?.current_version_id !== versionId) {
				await trx.updateTable('course').set({ current_version_id: versionId, slug: c.slug, updated_at: new Date() }).where('id', '=', c.id).execute();
			}
		}
	});
	return report;
}
