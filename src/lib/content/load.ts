// The course loader and validator: reads content/ (format in content/README.md) into `Course`s and
// collects every problem with its file and line, in Indonesian, for the trainers who write the
// courses. Plain Node (node:fs, node:path, node:crypto, yaml) with relative imports only: this
// module is also imported by vite.config.ts and by scripts/content-check.ts (tsx).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LineCounter } from 'yaml';
import type {
	Certification,
	CompetencyTarget,
	ContentProblem,
	Course,
	CourseLevel,
	Exam,
	FeedbackMode,
	LoadResult,
	Module
} from './types';
import {
	COMPETENCY_CODES,
	EXAM_KEYS,
	FEEDBACK_MODES,
	INDEX_KEYS,
	LEVELS,
	MIN_PRACTICE_QUESTIONS,
	MODULE_FILE_PATTERN,
	MODULE_KEYS,
	TOPIC_PATTERN
} from './format';
import {
	Locator,
	PERCENT,
	POSITIVE,
	POSITIVE_INT,
	boolean,
	glossary,
	id,
	isRecord,
	list,
	number,
	oneOf,
	parseYaml,
	report,
	show,
	splitLines,
	text,
	textList,
	unknownKeys
} from './yaml-fields';
import type { Fields } from './yaml-fields';
import { isQuestionFence, parseQuestionBlocks } from './questions';
import type { QuestionBlock } from './questions';
import { checkBody, isFile } from './markdown-checks';

// The public API, split by responsibility over this folder: the format's fixed lists (./format),
// YAML fields (./yaml-fields), questions (./questions) and Markdown bodies (./markdown-checks).
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

// ---------------------------------------------------------------------------------------------
// Small utilities

function sha256(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Files

interface Frontmatter {
	/** The frontmatter as a map, or null when missing or unreadable (already reported). */
	data: Record<string, unknown> | null;
	loc: Locator;
	/** Index in the file's lines of the first body line. */
	bodyFrom: number;
}

function readFrontmatter(lines: readonly string[], file: string, what: string, problems: ContentProblem[]): Frontmatter {
	const emptyLoc = new Locator(null, new LineCounter(), 0, 1);
	if ((lines[0] ?? '').trim() !== '---') {
		problems.push({
			file,
			line: 1,
			message: `Berkas ${what} harus diawali frontmatter: baris pertama "---", lalu kolom-kolomnya, lalu "---".`
		});
		return { data: null, loc: emptyLoc, bodyFrom: 0 };
	}
	let close = -1;
	for (let i = 1; i < lines.length; i++) {
		if (lines[i].trimEnd() === '---') {
			close = i;
			break;
		}
	}
	if (close < 0) {
		problems.push({ file, line: 1, message: `Frontmatter ${what} yang dibuka di baris 1 tidak ditutup dengan baris "---".` });
		return { data: null, loc: emptyLoc, bodyFrom: lines.length };
	}
	const parsed = parseYaml(lines.slice(1, close).join('\n'), 1, 1, file, `di frontmatter ${what}`, problems);
	if (!parsed.ok) return { data: null, loc: parsed.loc, bodyFrom: close + 1 };
	if (!isRecord(parsed.data)) {
		problems.push({ file, line: 1, message: `Frontmatter ${what} harus berisi kolom-kolom "nama: nilai" (misalnya id: ..., title: ...).` });
		return { data: null, loc: parsed.loc, bodyFrom: close + 1 };
	}
	return { data: parsed.data, loc: parsed.loc, bodyFrom: close + 1 };
}

function bodyText(lines: readonly string[], from: number): string {
	return lines.slice(from).join('\n').trim();
}

interface Ctx {
	repoRoot: string;
	staticDir: string;
	problems: ContentProblem[];
}

function relative(ctx: Ctx, abs: string): string {
	return path.relative(ctx.repoRoot, abs).split(path.sep).join('/');
}

interface LoadedModule {
	module: Module;
	blocks: QuestionBlock[];
	idLine: number;
}

function loadModule(ctx: Ctx, absFile: string, order: number, slug: string, courseGlossary: Record<string, string>): LoadedModule {
	const file = relative(ctx, absFile);
	const bytes = fs.readFileSync(absFile);
	const lines = splitLines(bytes.toString('utf8'));
	const fm = readFrontmatter(lines, file, 'modul', ctx.problems);
	const data = fm.data ?? {};
	const f: Fields = { file, data, loc: fm.loc, problems: ctx.problems, where: 'di frontmatter modul' };

	let moduleId: string | undefined;
	let title: string | undefined;
	let minutes: number | null | undefined;
	let objectives: string[] | undefined;
	let moduleGlossary: Record<string, string> = {};
	if (fm.data) {
		unknownKeys(f, MODULE_KEYS, 'modul');
		moduleId = id(f);
		title = text(f, 'title');
		minutes = number(f, 'minutes', POSITIVE_INT);
		objectives = textList(f, 'objectives', {
			required: true,
			nonEmpty: true,
			example: '["Menjelaskan ...", "Menghitung ..."]'
		});
		moduleGlossary = glossary(f);
	}

	const body = checkBody(
		{
			file,
			absFile,
			terms: new Set([...Object.keys(courseGlossary), ...Object.keys(moduleGlossary)]),
			staticDir: ctx.staticDir,
			problems: ctx.problems
		},
		lines,
		fm.bodyFrom
	);
	const blocks = parseQuestionBlocks(lines, body.fences, file, 0, false, ctx.problems);

	// ## Latihan with at least MIN_PRACTICE_QUESTIONS questions
	const latihan = body.headings.findIndex((h) => h.depth === 2 && h.text.trim().toLowerCase() === 'latihan');
	if (latihan < 0) {
		ctx.problems.push({
			file,
			line: Math.min(fm.bodyFrom + 1, lines.length),
			message: `Modul belum memiliki bagian "## Latihan" berisi paling sedikit ${MIN_PRACTICE_QUESTIONS} soal latihan.`
		});
	} else {
		const start = body.headingLines[latihan];
		const nextH2 = body.headings.findIndex((h, i) => i > latihan && h.depth === 2);
		const end = nextH2 < 0 ? Infinity : body.headingLines[nextH2];
		const count = blocks.filter((b) => b.line > start && b.line < end).length;
		if (count < MIN_PRACTICE_QUESTIONS) {
			ctx.problems.push({
				file,
				line: start,
				message: `Bagian "## Latihan" belum berisi soal; tambahkan paling sedikit ${MIN_PRACTICE_QUESTIONS} blok \`\`\`question.`
			});
		}
	}

	return {
		module: {
			id: moduleId ?? slug,
			slug,
			file,
			order,
			title: title ?? slug,
			minutes: typeof minutes === 'number' ? minutes : 0,
			objectives: objectives ?? [],
			glossary: moduleGlossary,
			headings: body.headings,
			questions: blocks.flatMap((b) => (b.question ? [b.question] : [])),
			termsUsed: body.termsUsed,
			wordCount: body.wordCount,
			hash: sha256(bytes)
		},
		blocks,
		idLine: fm.data ? fm.loc.line(['id']) : 1
	};
}

interface LoadedExam {
	exam: Exam;
	blocks: QuestionBlock[];
	idLine: number;
	passMarkLine: number;
}

function loadExam(ctx: Ctx, absFile: string, courseGlossary: Record<string, string>): LoadedExam {
	const file = relative(ctx, absFile);
	const bytes = fs.readFileSync(absFile);
	const lines = splitLines(bytes.toString('utf8'));
	const fm = readFrontmatter(lines, file, 'ujian', ctx.problems);
	const data = fm.data ?? {};
	const f: Fields = { file, data, loc: fm.loc, problems: ctx.problems, where: 'di frontmatter ujian' };

	const body = checkBody(
		{ file, absFile, terms: new Set(Object.keys(courseGlossary)), staticDir: ctx.staticDir, problems: ctx.problems },
		lines,
		fm.bodyFrom
	);
	const blocks = parseQuestionBlocks(lines, body.fences, file, 0, true, ctx.problems);
	const pool = blocks.flatMap((b) => (b.question ? [b.question] : []));

	let examId: string | undefined;
	let title: string | undefined;
	let passMark: number | null | undefined;
	let timeLimitMinutes: number | null | undefined;
	let attempts: number | null | undefined;
	let waitMinutes: number | null | undefined;
	let draw: number | null | undefined;
	let shuffleOptions: boolean | undefined;
	let feedback: FeedbackMode | undefined;
	let review: boolean | undefined;
	if (fm.data) {
		unknownKeys(f, EXAM_KEYS, 'ujian');
		examId = id(f);
		title = text(f, 'title');
		passMark = number(f, 'passMark', PERCENT);
		timeLimitMinutes = number(f, 'timeLimitMinutes', { ...POSITIVE, nullable: true });
		attempts = number(f, 'attempts', { ...POSITIVE_INT, nullable: true });
		waitMinutes = number(f, 'waitMinutes', { rule: 'berupa angka 0 atau lebih', ok: (n) => n >= 0 });
		draw = number(f, 'draw', POSITIVE_INT);
		if (typeof draw === 'number' && draw > pool.length) {
			report(
				f,
				['draw'],
				`Jumlah soal yang diundi (draw: ${draw}) melebihi jumlah soal di bank soal ujian (${pool.length} soal yang valid). Tambah soal atau kecilkan draw.`
			);
		}
		shuffleOptions = boolean(f, 'shuffleOptions');
		feedback = oneOf(f, 'feedback', FEEDBACK_MODES);
		review = boolean(f, 'review');
	}

	const instructions = lines
		.slice(fm.bodyFrom)
		.filter((_, k) => {
			const i = k + fm.bodyFrom;
			return !body.fences.some((fe) => isQuestionFence(fe) && i >= fe.open && i <= (fe.close ?? lines.length));
		})
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();

	return {
		exam: {
			id: examId ?? 'ujian',
			file,
			title: title ?? 'Ujian Akhir',
			passMark: typeof passMark === 'number' ? passMark : 0,
			timeLimitMinutes: timeLimitMinutes ?? null,
			attempts: attempts ?? null,
			waitMinutes: typeof waitMinutes === 'number' ? waitMinutes : 0,
			draw: typeof draw === 'number' ? draw : 0,
			shuffleOptions: shuffleOptions ?? false,
			feedback: feedback ?? 'after-submit',
			review: review ?? false,
			instructions,
			pool,
			hash: sha256(bytes)
		},
		blocks,
		idLine: fm.data ? fm.loc.line(['id']) : 1,
		passMarkLine: fm.data ? fm.loc.line(['passMark']) : 1
	};
}

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
