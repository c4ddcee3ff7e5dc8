// Reading one module or exam file of a course: its frontmatter, body, practice and exam
// questions, each problem with its file and line. The course and the catalogue around them are
// assembled in ./load. Plain Node with relative imports only, like ./load.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LineCounter } from 'yaml';
import type { ContentProblem, Exam, FeedbackMode, Module } from './types';
import { EXAM_KEYS, FEEDBACK_MODES, MIN_PRACTICE_QUESTIONS, MODULE_KEYS } from './format';
import {
	Locator,
	PERCENT,
	POSITIVE,
	POSITIVE_INT,
	boolean,
	glossary,
	id,
	isRecord,
	number,
	oneOf,
	parseYaml,
	report,
	splitLines,
	text,
	textList,
	unknownKeys
} from './yaml-fields';
import type { Fields } from './yaml-fields';
import { isQuestionFence, parseQuestionBlocks } from './questions';
import type { QuestionBlock } from './questions';
import { checkBody } from './markdown-checks';

// ---------------------------------------------------------------------------------------------
// Small utilities

export function sha256(data: string | Buffer): string {
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

export function readFrontmatter(lines: readonly string[], file: string, what: string, problems: ContentProblem[]): Frontmatter {
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

export function bodyText(lines: readonly string[], from: number): string {
	return lines.slice(from).join('\n').trim();
}

export interface Ctx {
	repoRoot: string;
	staticDir: string;
	problems: ContentProblem[];
}

export function relative(ctx: Ctx, abs: string): string {
	return path.relative(ctx.repoRoot, abs).split(path.sep).join('/');
}

export interface LoadedModule {
	module: Module;
	blocks: QuestionBlock[];
	idLine: number;
}

export function loadModule(ctx: Ctx, absFile: string, order: number, slug: string, courseGlossary: Record<string, string>): LoadedModule {
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

export interface LoadedExam {
	exam: Exam;
	blocks: QuestionBlock[];
	idLine: number;
	passMarkLine: number;
}

export function loadExam(ctx: Ctx, absFile: string, courseGlossary: Record<string, string>): LoadedExam {
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
