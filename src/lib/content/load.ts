// The course loader and validator: reads content/ (format in content/README.md) into `Course`s and
// collects every problem with its file and line, in Indonesian, for the trainers who write the
// courses. Plain Node (node:fs, node:path, node:crypto, yaml) with relative imports only: this
// module is also imported by vite.config.ts and by scripts/content-check.ts (tsx).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Certification, CompetencyTarget, Course, CourseLevel, LoadResult } from './types';
import { COMPETENCY_CODES, INDEX_KEYS, LEVELS, MODULE_FILE_PATTERN, TOPIC_PATTERN } from './format';
import {
	PERCENT,
	POSITIVE,
	POSITIVE_INT,
	glossary,
	id,
	isRecord,
	list,
	number,
	oneOf,
	report,
	show,
	splitLines,
	text,
	textList,
	unknownKeys
} from './yaml-fields';
import type { Fields } from './yaml-fields';
import { isQuestionFence } from './questions';
import { checkBody, isFile } from './markdown-checks';
import { bodyText, loadExam, loadModule, readFrontmatter, relative, type Ctx, type LoadedExam, type LoadedModule } from './load-files';

// The public API, split by responsibility over this folder: the format's fixed lists (./format),
// YAML fields (./yaml-fields), questions (./questions), Markdown bodies (./markdown-checks) and
// reading one module or exam file (./load-files).
// Importers keep importing from here.
export {
	COMPETENCY_CODES,
	CONTAINER_DIRECTIVES,
	ID_PATTERN,
	MIN_PRACTICE_QUESTIONS,
	MODULE_FILE_PATTERN,
	QUESTION_TYPES
} from './format';
export { slugify } from './markdown-checks';
export { parseQuestionsFromMarkdown, toPublicQuestion } from './questions';
export { parseLearnerNumber, learnerNumberReadings } from './grade';

interface LoadedCourse {
	course: Course;
	indexFile: string;
	idLine: number;
	/** File line of each prerequisite, parallel to course.prerequisites. */
	prerequisiteLines: number[];
	modules: LoadedModule[];
	exam: LoadedExam | null;
}

function loadCourse(ctx: Ctx, courseDir: string, slug: string): LoadedCourse {
	const indexAbs = path.join(courseDir, 'index.md');
	const indexFile = relative(ctx, indexAbs);
	const indexBytes = fs.readFileSync(indexAbs);
	const lines = splitLines(indexBytes.toString('utf8'));
	const fm = readFrontmatter(lines, indexFile, 'kursus (index.md)', ctx.problems);
	const data = fm.data ?? {};
	const f: Fields = { file: indexFile, data, loc: fm.loc, problems: ctx.problems, where: 'di frontmatter kursus' };

	if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
		ctx.problems.push({
			file: indexFile,
			line: 1,
			message: `Nama folder kursus "${slug}" hanya boleh berisi huruf kecil, angka, dan tanda hubung.`
		});
	}

	let courseId: string | undefined;
	let title: string | undefined;
	let summary: string | undefined;
	let audience: string | undefined;
	let level: CourseLevel | undefined;
	let jp: number | null | undefined;
	let topic: string | undefined;
	let tags: string[] | undefined;
	let prerequisites: string[] | undefined;
	const prerequisiteLines: number[] = [];
	const competencies: CompetencyTarget[] = [];
	let certification: Certification | null = null;
	let courseGlossary: Record<string, string> = {};

	if (fm.data) {
		unknownKeys(f, INDEX_KEYS, 'index.md');
		courseId = id(f);
		title = text(f, 'title');
		summary = text(f, 'summary');
		audience = text(f, 'audience');
		level = oneOf(f, 'level', LEVELS);
		jp = number(f, 'jp', POSITIVE);
		topic = text(f, 'topic');
		if (topic !== undefined && !TOPIC_PATTERN.test(topic)) {
			report(f, ['topic'], `Kolom "topic" di frontmatter kursus harus satu slug topik (huruf kecil, angka, tanda hubung), misalnya manajemen-proyek (tertulis: ${show(topic)}).`);
		}
		tags = textList(f, 'tags', { required: true, nonEmpty: false, example: '[perencanaan, anggaran]' });
		prerequisites = textList(f, 'prerequisites', { required: true, nonEmpty: false, example: '[] atau [id-kursus-lain]' });
		prerequisites?.forEach((_, i) => prerequisiteLines.push(fm.loc.line(['prerequisites', i])));

		// competencies: non-empty list of { code, level 1-5 }
		const rawComp = data.competencies;
		if (rawComp === undefined || rawComp === null) {
			report(f, ['competencies'], 'Kolom "competencies" di frontmatter kursus wajib diisi, misalnya - { code: TEK-MPR, level: 2 }.');
		} else if (!Array.isArray(rawComp) || rawComp.length === 0) {
			report(f, ['competencies'], 'Kolom "competencies" di frontmatter kursus harus berupa daftar yang tidak kosong, misalnya - { code: TEK-MPR, level: 2 }.');
		} else {
			const seen = new Set<string>();
			rawComp.forEach((item, i) => {
				if (!isRecord(item)) {
					report(f, ['competencies', i], `Kompetensi ke-${i + 1} harus ditulis sebagai { code: KODE, level: 1-5 }.`);
					return;
				}
				const code = item.code;
				const lvl = item.level;
				let ok = true;
				if (typeof code !== 'string' || code.trim() === '') {
					report(f, ['competencies', i], `Kompetensi ke-${i + 1} belum memiliki kode (code).`);
					ok = false;
				} else if (!(COMPETENCY_CODES as readonly string[]).includes(code)) {
					report(f, ['competencies', i], `Kode kompetensi "${code}" tidak dikenal. Gunakan kode dari daftar di content/README.md: ${list(COMPETENCY_CODES)}.`);
					ok = false;
				} else if (seen.has(code)) {
					report(f, ['competencies', i], `Kode kompetensi "${code}" ditulis lebih dari sekali.`);
					ok = false;
				}
				if (typeof lvl !== 'number' || !Number.isInteger(lvl) || lvl < 1 || lvl > 5) {
					report(f, ['competencies', i], `Level kompetensi ${typeof code === 'string' ? code : `ke-${i + 1}`} harus bilangan bulat 1 sampai 5 (tertulis: ${show(lvl)}).`);
					ok = false;
				}
				for (const key of Object.keys(item)) {
					if (key !== 'code' && key !== 'level') {
						report(f, ['competencies', i], `Kolom "${key}" pada kompetensi ke-${i + 1} tidak dikenal; gunakan code dan level.`);
					}
				}
				if (ok) {
					seen.add(code as string);
					competencies.push({ code: code as string, level: lvl as number });
				}
			});
		}

		// certification: { passMark, validityMonths } or absent
		const rawCert = data.certification;
		if (rawCert !== undefined && rawCert !== null) {
			if (!isRecord(rawCert)) {
				report(f, ['certification'], 'Kolom "certification" di frontmatter kursus harus berisi passMark dan validityMonths, atau dihapus bila kursus tanpa sertifikat.');
			} else {
				const certReport: Fields = { ...f, data: rawCert, where: 'pada certification', prefix: ['certification'] };
				unknownKeys(certReport, ['passMark', 'validityMonths'], 'certification');
				const passMark = number(certReport, 'passMark', PERCENT);
				const validity = number(certReport, 'validityMonths', { ...POSITIVE_INT, nullable: true });
				if (typeof passMark === 'number' && validity !== undefined) {
					certification = { passMark, validityMonths: validity };
				}
			}
		}
		courseGlossary = glossary(f);
	}

	// Files of the course
	const entries = fs
		.readdirSync(courseDir, { withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.md'))
		.map((e) => e.name)
		.sort();
	const moduleFiles: Array<{ name: string; order: number; slug: string }> = [];
	for (const name of entries) {
		if (name === 'index.md' || name === 'ujian.md') continue;
		const m = MODULE_FILE_PATTERN.exec(name);
		if (!m) {
			ctx.problems.push({
				file: relative(ctx, path.join(courseDir, name)),
				line: 1,
				message: `Nama berkas "${name}" tidak sesuai pola modul NN-nama-modul.md (nomor urut, tanda hubung, huruf kecil), sehingga berkas ini tidak dimuat.`
			});
			continue;
		}
		moduleFiles.push({ name, order: Number.parseInt(m[1], 10), slug: m[2] });
	}
	moduleFiles.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
	const modules: LoadedModule[] = [];
	for (let i = 0; i < moduleFiles.length; i++) {
		const mf = moduleFiles[i];
		const abs = path.join(courseDir, mf.name);
		if (i > 0 && moduleFiles[i - 1].order === mf.order) {
			ctx.problems.push({
				file: relative(ctx, abs),
				line: 1,
				message: `Nomor urut ${mf.order} juga dipakai oleh ${relative(ctx, path.join(courseDir, moduleFiles[i - 1].name))}; setiap modul harus memiliki nomor urut sendiri.`
			});
		}
		modules.push(loadModule(ctx, abs, mf.order, mf.slug, courseGlossary));
	}
	if (modules.length === 0) {
		ctx.problems.push({ file: indexFile, line: 1, message: 'Kursus ini belum memiliki modul (berkas 01-nama-modul.md).' });
	}

	const examAbs = path.join(courseDir, 'ujian.md');
	const exam = fs.existsSync(examAbs) ? loadExam(ctx, examAbs, courseGlossary) : null;

	// The description (index.md body)
	const indexBody = checkBody(
		{ file: indexFile, absFile: indexAbs, terms: new Set(Object.keys(courseGlossary)), staticDir: ctx.staticDir, problems: ctx.problems },
		lines,
		fm.bodyFrom
	);
	for (const fence of indexBody.fences.filter(isQuestionFence)) {
		ctx.problems.push({
			file: indexFile,
			line: fence.open + 1,
			message: 'Soal tidak boleh ditulis di index.md; letakkan soal latihan di bagian "## Latihan" sebuah modul atau di ujian.md.'
		});
	}

	// Question ids: unique across the course (modules and exam)
	const seenQuestions = new Map<string, { file: string; line: number }>();
	for (const { file, blocks } of [
		...modules.map((m) => ({ file: m.module.file, blocks: m.blocks })),
		...(exam ? [{ file: exam.exam.file, blocks: exam.blocks }] : [])
	]) {
		for (const b of blocks) {
			if (!b.id) continue;
			const first = seenQuestions.get(b.id);
			if (first) {
				ctx.problems.push({
					file,
					line: b.idLine,
					message: `Id soal "${b.id}" sudah dipakai di ${first.file} baris ${first.line}; id soal harus unik dalam satu kursus.`
				});
			} else {
				seenQuestions.set(b.id, { file, line: b.idLine });
			}
		}
	}

	// Certification and exam agree
	if (certification && !exam) {
		report(f, ['certification'], 'Kursus ini memberi sertifikat (certification) tetapi belum memiliki ujian.md; tambahkan ujian akhir atau hapus certification.');
	}
	if (certification && exam && exam.exam.passMark > 0 && exam.exam.passMark !== certification.passMark) {
		report(
			f,
			['certification', 'passMark'],
			`Nilai lulus sertifikat (certification.passMark: ${certification.passMark}) berbeda dengan nilai lulus di ujian.md (passMark: ${exam.exam.passMark}); samakan keduanya.`
		);
	}

	const courseHash = createHash('sha256').update(indexBytes);
	for (const m of modules) courseHash.update(m.module.hash);
	if (exam) courseHash.update(exam.exam.hash);

	return {
		course: {
			id: courseId ?? slug,
			slug,
			dir: relative(ctx, courseDir),
			title: title ?? slug,
			summary: summary ?? '',
			audience: audience ?? '',
			level: level ?? 'dasar',
			jp: typeof jp === 'number' ? jp : 0,
			topic: topic ?? '',
			tags: tags ?? [],
			prerequisites: prerequisites ?? [],
			competencies,
			certification,
			glossary: courseGlossary,
			description: bodyText(lines, fm.bodyFrom),
			modules: modules.map((m) => m.module),
			exam: exam?.exam ?? null,
			hash: courseHash.digest('hex')
		},
		indexFile,
		idLine: fm.data ? fm.loc.line(['id']) : 1,
		prerequisiteLines,
		modules,
		exam
	};
}

// ---------------------------------------------------------------------------------------------
// The whole catalogue

export interface LoadOptions {
	/** Repository root: `file` paths are relative to it. Default: the parent of rootDir. */
	repoRoot?: string;
	/** Where ::download files and /images live. Default: <repoRoot>/static. */
	staticDir?: string;
}

/**
 * Load every course under `rootDir` (a folder per course with index.md; other folders are
 * skipped) and collect every problem found, sorted by file and line. Courses are returned even
 * when they have problems (with placeholders for broken fields): treat any problem as fatal.
 */
export function loadContent(rootDir: string, options: LoadOptions = {}): LoadResult {
	const root = path.resolve(rootDir);
	const repoRoot = path.resolve(options.repoRoot ?? path.dirname(root));
	const ctx: Ctx = {
		repoRoot,
		staticDir: path.resolve(options.staticDir ?? path.join(repoRoot, 'static')),
		problems: []
	};

	let folders: string[];
	try {
		folders = fs
			.readdirSync(root, { withFileTypes: true })
			.filter((e) => e.isDirectory() && !e.name.startsWith('.'))
			.map((e) => e.name)
			.sort();
	} catch {
		return {
			courses: [],
			problems: [{ file: relative(ctx, root), line: 1, message: 'Folder konten tidak ditemukan atau tidak dapat dibaca.' }]
		};
	}

	const loaded: LoadedCourse[] = [];
	for (const slug of folders) {
		const dir = path.join(root, slug);
		if (!isFile(path.join(dir, 'index.md'))) continue;
		try {
			loaded.push(loadCourse(ctx, dir, slug));
		} catch (err) {
			ctx.problems.push({
				file: relative(ctx, path.join(dir, 'index.md')),
				line: 1,
				message: `Kursus ini tidak dapat dimuat: ${(err as Error).message}`
			});
		}
	}

	// Course ids unique
	const courseIds = new Map<string, string>();
	for (const c of loaded) {
		const first = courseIds.get(c.course.id);
		if (first) {
			ctx.problems.push({
				file: c.indexFile,
				line: c.idLine,
				message: `Id kursus "${c.course.id}" sudah dipakai oleh ${first}; setiap kursus harus memiliki id sendiri.`
			});
		} else {
			courseIds.set(c.course.id, c.indexFile);
		}
	}

	// Module and exam ids unique across all courses
	const unitIds = new Map<string, { file: string; kind: string }>();
	for (const c of loaded) {
		const units = [
			...c.modules.map((m) => ({ id: m.module.id, file: m.module.file, line: m.idLine, kind: 'modul' })),
			...(c.exam ? [{ id: c.exam.exam.id, file: c.exam.exam.file, line: c.exam.idLine, kind: 'ujian' }] : [])
		];
		for (const u of units) {
			const first = unitIds.get(u.id);
			if (first) {
				ctx.problems.push({
					file: u.file,
					line: u.line,
					message: `Id ${u.kind} "${u.id}" sudah dipakai oleh ${first.kind} ${first.file}; id modul dan ujian harus unik di semua kursus.`
				});
			} else {
				unitIds.set(u.id, { file: u.file, kind: u.kind });
			}
		}
	}

	// Prerequisites: known courses, not itself, no cycles
	const byId = new Map(loaded.map((c) => [c.course.id, c]));
	for (const c of loaded) {
		c.course.prerequisites.forEach((p, i) => {
			const line = c.prerequisiteLines[i] ?? c.idLine;
			if (p === c.course.id) {
				ctx.problems.push({ file: c.indexFile, line, message: `Kursus "${p}" tidak boleh menjadi prasyarat bagi dirinya sendiri.` });
			} else if (!byId.has(p)) {
				ctx.problems.push({
					file: c.indexFile,
					line,
					message: `Prasyarat "${p}" bukan id kursus yang ada. Id kursus yang tersedia: ${list([...byId.keys()].filter((k) => k !== c.course.id)) || '(belum ada)'}.`
				});
			}
		});
	}
	const reported = new Set<string>();
	for (const start of loaded) {
		const stack: Array<{ id: string; trail: string[] }> = [{ id: start.course.id, trail: [start.course.id] }];
		const visited = new Set<string>();
		while (stack.length > 0) {
			const { id: current, trail } = stack.pop() as { id: string; trail: string[] };
			for (const next of byId.get(current)?.course.prerequisites ?? []) {
				if (next === current) continue;
				if (next === start.course.id) {
					const cycle = [...trail, next];
					const key = [...new Set(cycle)].sort().join(' ');
					if (!reported.has(key)) {
						reported.add(key);
						const i = start.course.prerequisites.indexOf(trail[1] ?? next);
						ctx.problems.push({
							file: start.indexFile,
							line: start.prerequisiteLines[i] ?? start.idLine,
							message: `Prasyarat melingkar: ${cycle.join(' → ')}. Kursus tidak dapat saling mensyaratkan.`
						});
					}
				} else if (byId.has(next) && !visited.has(next)) {
					visited.add(next);
					stack.push({ id: next, trail: [...trail, next] });
				}
			}
		}
	}

	const problems = ctx.problems
		.map((p, i) => ({ p, i }))
		.sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : a.p.line - b.p.line || a.i - b.i))
		.map(({ p }) => p);
	return { courses: loaded.map((c) => c.course), problems };
}
