import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { syncCatalog } from '../../src/lib/server/catalog/catalog.sync';
import { setContentIndex } from '../../src/lib/server/catalog/content-index';
import { answerPractice, completeModule, courseForLearner, enrol, openModule } from '../../src/lib/server/learning/learning.service';
import { learnerHome } from '../../src/lib/server/learning/home.service';
import { createTestDatabase, type TestDatabase } from './test-db';
import { addPerson } from './fixtures';

// A copy of a real course in a temporary content folder, so the test can change it.
const COURSE = 'pelayanan-publik-prima';
let root: string;
let t: TestDatabase;

function load() {
	const result = loadContent(path.join(root, 'content'));
	expect(result.problems).toEqual([]);
	setContentIndex(result.courses);
	return result.courses;
}

beforeAll(async () => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'bina-sync-'));
	fs.cpSync(path.resolve('content', COURSE), path.join(root, 'content', COURSE), { recursive: true });
	fs.cpSync(path.resolve('static'), path.join(root, 'static'), { recursive: true });
	t = await createTestDatabase();
});
afterAll(async () => {
	await t.dispose();
	fs.rmSync(root, { recursive: true, force: true });
});

describe('catalogue sync and versions', () => {
	it('creates one version per distinct content and keeps learners on the version they started', async () => {
		const first = await syncCatalog(t.db, load());
		expect(first.created).toEqual([COURSE]);
		expect(await syncCatalog(t.db, load())).toMatchObject({ created: [], newVersions: [], unchanged: [COURSE] });

		const learner = await addPerson(t.db);
		const actor = { id: learner.id, roles: ['learner' as const], unitId: null };
		const enrolled = await enrol(t.db, actor, COURSE);
		expect(enrolled.ok).toBe(true);
		// Enrolling again (a double submit) keeps the first enrolment.
		expect(await enrol(t.db, actor, COURSE)).toEqual(enrolled);

		const course = (await courseForLearner(t.db, actor, COURSE))!;
		const firstModule = course.version.modules[0];
		const opened = await openModule(t.db, actor, COURSE, firstModule.moduleId);
		expect(opened.ok).toBe(true);
		for (const qid of firstModule.questionIds) {
			const r = await answerPractice(t.db, actor, COURSE, firstModule.moduleId, qid, 'a');
			expect(r.ok).toBe(true);
		}
		expect(await completeModule(t.db, actor, COURSE, firstModule.moduleId)).toEqual({ ok: true, courseCompleted: false });

		// A trainer changes the text of module 2: the course gets a new version.
		const file = path.join(root, 'content', COURSE, fs.readdirSync(path.join(root, 'content', COURSE)).filter((f) => /^02-/.test(f))[0]);
		fs.appendFileSync(file, '\nTambahan: contoh baru dari Kecamatan Medan Tuntungan.\n');
		const second = await syncCatalog(t.db, load());
		expect(second.newVersions).toEqual([COURSE]);
		const versions = await t.db.selectFrom('course_version').select(['id', 'hash']).where('course_id', '=', COURSE).orderBy('id').execute();
		expect(versions).toHaveLength(2);
		const modules = await t.db
			.selectFrom('module_version')
			.select(['course_version_id', 'module_id', 'hash'])
			.where('position', 'in', [1, 2])
			.orderBy('course_version_id')
			.orderBy('position')
			.execute();
		// Module 1 kept its hash; module 2 has a new one.
		expect(modules[0].hash).toBe(modules[2].hash);
		expect(modules[1].hash).not.toBe(modules[3].hash);

		// The learner stays on the version they started, with their progress intact, and is told a newer one exists.
		const after = (await courseForLearner(t.db, actor, COURSE))!;
		expect(after.version.id).toBe(versions[0].id);
		expect(after.newerVersionAvailable).toBe(true);
		expect(after.modules[0].status).toBe('completed');

		// A new learner starts on the new version.
		const newcomer = await addPerson(t.db);
		const newActor = { id: newcomer.id, roles: ['learner' as const], unitId: null };
		await enrol(t.db, newActor, COURSE);
		expect((await courseForLearner(t.db, newActor, COURSE))!.version.id).toBe(versions[1].id);
	});

	it('a module is complete only when every practice question is answered; the last module completes the course and counts its JP', async () => {
		const learner = await addPerson(t.db);
		const actor = { id: learner.id, roles: ['learner' as const], unitId: null };
		await enrol(t.db, actor, COURSE);
		const { version } = (await courseForLearner(t.db, actor, COURSE))!;
		const [first] = version.modules;
		const refused = await completeModule(t.db, actor, COURSE, first.moduleId);
		expect(refused).toEqual({ ok: false, code: 'practice_unanswered', missing: first.questionIds.length });
		let last = null;
		for (const mod of version.modules) {
			for (const qid of mod.questionIds) await answerPractice(t.db, actor, COURSE, mod.moduleId, qid, 'x');
			last = await completeModule(t.db, actor, COURSE, mod.moduleId);
		}
		expect(last).toEqual({ ok: true, courseCompleted: true });
		// Completing again changes nothing and does not count twice.
		await completeModule(t.db, actor, COURSE, version.modules[0].moduleId);
		const home = await learnerHome(t.db, actor);
		expect(home.jpThisYear).toBe(version.jp);
		expect(home.courses[0]).toMatchObject({ courseId: COURSE, status: 'completed', done: version.modules.length });
	});

	it('practice answers are graded on the server and never accept a question from another module', async () => {
		const learner = await addPerson(t.db);
		const actor = { id: learner.id, roles: ['learner' as const], unitId: null };
		await enrol(t.db, actor, COURSE);
		const { version } = (await courseForLearner(t.db, actor, COURSE))!;
		const [m1, m2] = version.modules;
		expect(await answerPractice(t.db, actor, COURSE, m1.moduleId, m2.questionIds[0], 'a')).toEqual({ ok: false, code: 'question_unknown' });
		expect(await answerPractice(t.db, actor, COURSE, m1.moduleId, m1.questionIds[0], '')).toEqual({ ok: false, code: 'empty_answer' });
		const stranger = await addPerson(t.db);
		expect(await answerPractice(t.db, { id: stranger.id, roles: ['learner'], unitId: null }, COURSE, m1.moduleId, m1.questionIds[0], 'a')).toEqual({
			ok: false,
			code: 'not_enrolled'
		});
	});
});
