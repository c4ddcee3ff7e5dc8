// The course loader and validator: reads content/ (format in content/README.md) into `Course`s and
// collects every problem with its file and line, in Indonesian, for the trainers who write the
// courses. Plain Node (node:fs, node:path, node:crypto, yaml) with relative imports only: this
// module is also imported by vite.config.ts and by scripts/content-check.ts (tsx).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type {
	Certification,
	CompetencyTarget,
	ContentProblem,
	Course,
	CourseLevel,
	Exam,
	FeedbackMode,
	Heading,
	LoadResult,
	Module,
	Option,
	PublicQuestion,
	Question,
	QuestionType
} from './types';
import { normaliseShortAnswer } from './grade';

export { parseLearnerNumber, learnerNumberReadings } from './grade';

// ---------------------------------------------------------------------------------------------
// The format's fixed lists

/** Competency codes of the framework (table "Competency codes" in content/README.md). */
export const COMPETENCY_CODES = [
	'MNJ-INT',
	'MNJ-KS',
	'MNJ-KOM',
	'MNJ-OPH',
	'MNJ-PP',
	'MNJ-PDO',
	'MNJ-MP',
	'MNJ-PK',
	'SK-PB',
	'TEK-MPR',
	'TEK-SPBE',
	'TEK-DATA',
	'TEK-YAN',
	'TEK-ADU'
] as const;

/** Ids of courses, modules, exams and questions. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
/** Module file names: NN-slug.md. */
export const MODULE_FILE_PATTERN = /^(\d+)-([a-z0-9-]+)\.md$/;
export const QUESTION_TYPES: readonly QuestionType[] = [
	'single',
	'multiple',
	'truefalse',
	'short',
	'numeric',
	'matching',
	'ordering',
	'essay'
];
/** Container directives (`:::name[title]` ... `:::`). */
export const CONTAINER_DIRECTIVES = ['tip', 'warning', 'example', 'regulation', 'worked'] as const;
/** Practice questions a module's `## Latihan` section must hold at least. */
export const MIN_PRACTICE_QUESTIONS = 1;

const LEVELS: readonly CourseLevel[] = ['dasar', 'menengah', 'lanjut'];
const FEEDBACK_MODES: readonly FeedbackMode[] = ['never', 'after-submit', 'after-close'];
const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const INDEX_KEYS = [
	'id',
	'title',
	'summary',
	'audience',
	'level',
	'jp',
	'topic',
	'tags',
	'prerequisites',
	'competencies',
	'certification',
	'glossary'
];
const MODULE_KEYS = ['id', 'title', 'minutes', 'objectives', 'glossary'];
const EXAM_KEYS = [
	'id',
	'title',
	'passMark',
	'timeLimitMinutes',
	'attempts',
	'waitMinutes',
	'draw',
	'shuffleOptions',
	'feedback',
	'review'
];
const QUESTION_BASE_KEYS = ['id', 'type', 'prompt', 'explanation', 'points'];
const QUESTION_KEYS: Record<QuestionType, string[]> = {
	single: ['options', 'answer'],
	multiple: ['options', 'answer'],
	truefalse: ['answer'],
	short: ['answers'],
	numeric: ['answer', 'tolerance', 'unit'],
	matching: ['pairs'],
	ordering: ['items'],
	essay: ['rubric', 'maxPoints']
};

// ---------------------------------------------------------------------------------------------
// Public helpers

/**
 * Heading anchor: lowercase ASCII, words joined by dashes, at most 80 characters ("Tahap 2:
 * Perencanaan Kegiatan" becomes "tahap-2-perencanaan-kegiatan"). Must stay identical to
 * `slugify` in ./dialect.js, which sets the anchors in the rendered page.
 */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/<[^>]+>/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
}

/** A deterministic pseudo-random generator (cyrb-style string hash seeding mulberry32). */
function seededRandom(seed: string): () => number {
	let h = 1779033703 ^ seed.length;
	for (let i = 0; i < seed.length; i++) {
		h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	h = Math.imul(h ^ (h >>> 16), 2246822507);
	h = Math.imul(h ^ (h >>> 13), 3266489909);
	let state = (h ^ (h >>> 16)) >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Shuffle a copy by seed; with two or more items the result is never the original order. */
function seededShuffle<T>(items: readonly T[], seed: string): T[] {
	const order = items.map((_, i) => i);
	const random = seededRandom(seed);
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	if (order.length >= 2 && order.every((v, i) => v === i)) order.push(order.shift() as number);
	return order.map((i) => items[i]);
}

/**
 * What the browser may see of a question before it is answered: no answer, explanation, rubric
 * or correct order. Matching: lefts in order, rights shuffled by `seed`; ordering: items shuffled by
 * `seed`, never in the correct order. The seed defaults to the question id; pass e.g. an attempt
 * id to vary the order between learners.
 */
export function toPublicQuestion(q: Question, seed: string = q.id): PublicQuestion {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return {
				id: q.id,
				type: q.type,
				prompt: q.prompt,
				options: q.options.map((o) => ({ id: o.id, text: o.text }))
			};
		case 'truefalse':
		case 'short':
			return { id: q.id, type: q.type, prompt: q.prompt };
		case 'numeric':
			return { id: q.id, type: 'numeric', prompt: q.prompt, unit: q.unit };
		case 'matching':
			return {
				id: q.id,
				type: 'matching',
				prompt: q.prompt,
				left: q.pairs.map((p) => p.left),
				right: seededShuffle(
					q.pairs.map((p) => p.right),
					`${seed}:right`
				)
			};
		case 'ordering':
			return {
				id: q.id,
				type: 'ordering',
				prompt: q.prompt,
				items: seededShuffle(q.items, `${seed}:items`)
			};
		case 'essay':
			return { id: q.id, type: 'essay', prompt: q.prompt, maxPoints: q.maxPoints };
	}
}

// ---------------------------------------------------------------------------------------------
// Small utilities

type Path = ReadonlyArray<string | number>;

function sha256(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function splitLines(text: string): string[] {
	return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value shown inside a message. */
function show(v: unknown): string {
	if (v === undefined) return 'kosong';
	if (typeof v === 'string') return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
	let s: string;
	try {
		s = JSON.stringify(v) ?? String(v);
	} catch {
		s = String(v);
	}
	return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Scalar text: strings as they are, numbers as written; anything else is not text. */
function asText(v: unknown): string | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

function sameText(s: string): string {
	return s.normalize('NFKC').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();
}

function list(values: readonly string[]): string {
	return values.join(', ');
}

// ---------------------------------------------------------------------------------------------
// YAML with line numbers

/** Finds the file line of a value in a YAML document by its path. */
class Locator {
	constructor(
		private readonly doc: Document.Parsed | null,
		private readonly lineCounter: LineCounter,
		/** File line of the YAML's first line, minus one. */
		private readonly lineOffset: number,
		/** Where to point when nothing better is known (e.g. the opening fence). */
		readonly fallback: number
	) {}

	lineAtOffset(offset: number): number {
		return this.lineCounter.linePos(offset).line + this.lineOffset;
	}

	private nodeLine(node: unknown): number | null {
		if (typeof node !== 'object' || node === null) return null;
		const range = (node as { range?: [number, number, number] }).range;
		return range ? this.lineAtOffset(range[0]) : null;
	}

	/** The line of the key (for a map entry) or item (for a list entry) at `path`, or the closest
	 * enclosing one that exists. */
	line(path: Path): number {
		let node: unknown = this.doc?.contents ?? null;
		let best = this.fallback;
		for (let i = 0; i < path.length; i++) {
			const seg = path[i];
			if (isMap(node)) {
				const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
				if (!pair) return best;
				best = this.nodeLine(pair.key) ?? best;
				node = pair.value;
			} else if (isSeq(node) && typeof seg === 'number') {
				const item = node.items[seg];
				if (item === undefined) return best;
				best = this.nodeLine(item) ?? best;
				node = item;
			} else {
				return best;
			}
		}
		return best;
	}
}

const YAML_HINTS: Partial<Record<YAMLError['code'], string>> = {
	BAD_INDENT: 'indentasi (jumlah spasi di awal baris) tidak konsisten',
	TAB_AS_INDENT: 'gunakan spasi, bukan tab, untuk indentasi',
	DUPLICATE_KEY: 'kolom yang sama ditulis dua kali',
	MISSING_CHAR: 'ada tanda penutup yang hilang, misalnya ], } atau tanda kutip',
	MULTILINE_IMPLICIT_KEY:
		'baris ini terbaca sebagai nama kolom; teks yang mengandung titik dua (:) perlu diapit tanda kutip atau ditulis dengan >-',
	BLOCK_AS_IMPLICIT_KEY:
		'baris ini terbaca sebagai nama kolom; periksa indentasi dan titik dua (:) di dalam teks',
	UNEXPECTED_TOKEN:
		'ada karakter yang tidak diharapkan; teks yang mengandung karakter khusus (: # [ ] { } ,) perlu diapit tanda kutip',
	BAD_SCALAR_START:
		'nilai tidak boleh diawali karakter khusus seperti @, ` atau %; apit nilainya dengan tanda kutip',
	BAD_DQ_ESCAPE: 'garis miring terbalik (\\) di dalam tanda kutip ganda tidak valid',
	MULTIPLE_DOCS: 'hanya boleh ada satu dokumen YAML; hapus baris --- tambahan',
	BLOCK_IN_FLOW: 'daftar bertingkat tidak boleh berada di dalam [ ] atau { }',
	BAD_ALIAS: 'tanda * di awal nilai dibaca sebagai alias YAML; apit nilainya dengan tanda kutip',
	TAG_RESOLVE_FAILED: 'tanda ! di awal nilai dibaca sebagai tag YAML; apit nilainya dengan tanda kutip'
};

interface ParsedYaml {
	/** The parsed value, or undefined when the YAML has syntax errors. */
	data: unknown;
	loc: Locator;
	ok: boolean;
}

function parseYaml(
	src: string,
	lineOffset: number,
	fallbackLine: number,
	file: string,
	where: string,
	problems: ContentProblem[]
): ParsedYaml {
	const lineCounter = new LineCounter();
	let doc: Document.Parsed;
	try {
		doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true });
	} catch (err) {
		problems.push({
			file,
			line: fallbackLine,
			message: `YAML ${where} tidak dapat dibaca: ${(err as Error).message}`
		});
		return { data: undefined, loc: new Locator(null, lineCounter, lineOffset, fallbackLine), ok: false };
	}
	const loc = new Locator(doc, lineCounter, lineOffset, fallbackLine);
	if (doc.errors.length > 0) {
		const seen = new Set<number>();
		for (const err of doc.errors) {
			const line = loc.lineAtOffset(err.pos[0]);
			if (seen.has(line)) continue;
			seen.add(line);
			const original = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
			const hint = YAML_HINTS[err.code];
			problems.push({
				file,
				line,
				message: hint
					? `Penulisan YAML ${where} salah: ${hint} (${original}).`
					: `Penulisan YAML ${where} salah: ${original}.`
			});
		}
		return { data: undefined, loc, ok: false };
	}
	try {
		return { data: doc.toJS({ maxAliasCount: 100 }), loc, ok: true };
	} catch (err) {
		problems.push({
			file,
			line: fallbackLine,
			message: `YAML ${where} tidak dapat dibaca: ${(err as Error).message}`
		});
		return { data: undefined, loc, ok: false };
	}
}

// ---------------------------------------------------------------------------------------------
// Field checks

/** One YAML map being checked: its values, where they are, and how messages name it. */
interface Fields {
	file: string;
	data: Record<string, unknown>;
	loc: Locator;
	problems: ContentProblem[];
	/** Completes "Kolom "x" ...", e.g. "di frontmatter modul" or "pada soal mpp-q1". */
	where: string;
	/** Path of `data` inside the YAML document, when it is a nested map. */
	prefix?: Path;
}

function report(f: Fields, at: Path, message: string): void {
	f.problems.push({ file: f.file, line: f.loc.line([...(f.prefix ?? []), ...at]), message });
}

function unknownKeys(f: Fields, allowed: readonly string[], what: string): void {
	for (const key of Object.keys(f.data)) {
		if (!allowed.includes(key)) {
			report(
				f,
				[key],
				`Kolom "${key}" ${f.where} tidak dikenal. Kolom yang tersedia untuk ${what}: ${list(allowed)}.`
			);
		}
	}
}

function text(f: Fields, key: string, required = true): string | undefined {
	const v = f.data[key];
	if (v === undefined || v === null) {
		if (required) report(f, [key], `Kolom "${key}" ${f.where} wajib diisi.`);
		return undefined;
	}
	const s = asText(v);
	if (s === undefined) {
		report(f, [key], `Kolom "${key}" ${f.where} harus berupa teks (tertulis: ${show(v)}).`);
		return undefined;
	}
	if (s.trim() === '') {
		report(f, [key], `Kolom "${key}" ${f.where} wajib diisi dan tidak boleh kosong.`);
		return undefined;
	}
	return s.trim();
}

function id(f: Fields, key = 'id'): string | undefined {
	const v = f.data[key];
	if (v === undefined || v === null) {
		report(
			f,
			[key],
			`Kolom "${key}" ${f.where} wajib diisi: id tetap yang tidak berubah walaupun nama berkas diganti.`
		);
		return undefined;
	}
	if (typeof v !== 'string' || !ID_PATTERN.test(v)) {
		report(
			f,
			[key],
			`Id ${show(v)} ${f.where} tidak valid: gunakan huruf kecil a-z, angka, dan tanda hubung, diawali huruf atau angka, 2 sampai 64 karakter (misalnya "mpp-siklus-hidup").`
		);
		return undefined;
	}
	return v;
}

interface NumberRule {
	/** Describes the rule, completing "harus ...". */
	rule: string;
	ok: (n: number) => boolean;
	nullable?: boolean;
}

const POSITIVE: NumberRule = { rule: 'berupa angka lebih dari 0', ok: (n) => n > 0 };
const POSITIVE_INT: NumberRule = {
	rule: 'berupa bilangan bulat lebih dari 0',
	ok: (n) => Number.isInteger(n) && n > 0
};
const PERCENT: NumberRule = { rule: 'berupa angka 1 sampai 100', ok: (n) => n >= 1 && n <= 100 };

/** A number per `rule`; null only when the rule allows it and the value is null. */
function number(f: Fields, key: string, rule: NumberRule, required = true): number | null | undefined {
	const v = f.data[key];
	if (v === undefined || (v === null && !rule.nullable)) {
		if (required) {
			const orNull = rule.nullable ? ' atau null' : '';
			report(f, [key], `Kolom "${key}" ${f.where} wajib diisi (harus ${rule.rule}${orNull}).`);
		}
		return undefined;
	}
	if (v === null) return null;
	if (typeof v !== 'number' || !Number.isFinite(v) || !rule.ok(v)) {
		const orNull = rule.nullable ? ' atau null' : '';
		const hint =
			typeof v === 'string' && /^\s*-?\d+,\d+\s*$/.test(v)
				? ' Gunakan titik sebagai pemisah desimal, tanpa tanda kutip.'
				: '';
		report(f, [key], `Kolom "${key}" ${f.where} harus ${rule.rule}${orNull} (tertulis: ${show(v)}).${hint}`);
		return undefined;
	}
	return v;
}

function boolean(f: Fields, key: string): boolean | undefined {
	const v = f.data[key];
	if (v === undefined || v === null) {
		report(f, [key], `Kolom "${key}" ${f.where} wajib diisi dengan true atau false.`);
		return undefined;
	}
	if (typeof v !== 'boolean') {
		report(f, [key], `Kolom "${key}" ${f.where} harus true atau false tanpa tanda kutip (tertulis: ${show(v)}).`);
		return undefined;
	}
	return v;
}

function oneOf<T extends string>(f: Fields, key: string, allowed: readonly T[]): T | undefined {
	const v = f.data[key];
	if (v === undefined || v === null) {
		report(f, [key], `Kolom "${key}" ${f.where} wajib diisi dengan salah satu dari: ${list(allowed)}.`);
		return undefined;
	}
	if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
		report(f, [key], `Kolom "${key}" ${f.where} harus salah satu dari: ${list(allowed)} (tertulis: ${show(v)}).`);
		return undefined;
	}
	return v as T;
}

/** A list of non-empty texts. */
function textList(f: Fields, key: string, opts: { required: boolean; nonEmpty: boolean; example: string }): string[] | undefined {
	const v = f.data[key];
	if (v === undefined || v === null) {
		if (opts.required) report(f, [key], `Kolom "${key}" ${f.where} wajib diisi berupa daftar, misalnya ${opts.example}.`);
		return undefined;
	}
	if (!Array.isArray(v)) {
		report(f, [key], `Kolom "${key}" ${f.where} harus berupa daftar, misalnya ${opts.example} (tertulis: ${show(v)}).`);
		return undefined;
	}
	if (opts.nonEmpty && v.length === 0) {
		report(f, [key], `Kolom "${key}" ${f.where} tidak boleh kosong.`);
		return undefined;
	}
	const out: string[] = [];
	let ok = true;
	v.forEach((item, i) => {
		const s = asText(item);
		if (s === undefined || s.trim() === '') {
			report(f, [key, i], `Butir ke-${i + 1} pada kolom "${key}" ${f.where} harus berupa teks yang tidak kosong (tertulis: ${show(item)}).`);
			ok = false;
		} else {
			out.push(s.trim());
		}
	});
	return ok ? out : undefined;
}

function glossary(f: Fields, key = 'glossary'): Record<string, string> {
	const v = f.data[key];
	if (v === undefined || v === null) return {};
	if (!isRecord(v)) {
		report(f, [key], `Kolom "${key}" ${f.where} harus berupa daftar istilah dengan format "Istilah: definisi".`);
		return {};
	}
	const out: Record<string, string> = {};
	for (const [term, definition] of Object.entries(v)) {
		const d = asText(definition);
		if (d === undefined || d.trim() === '') {
			report(f, [key, term], `Istilah "${term}" pada glosarium ${f.where} belum memiliki definisi.`);
			continue;
		}
		if (/[[\]]/.test(term)) {
			report(f, [key, term], `Istilah "${term}" pada glosarium ${f.where} tidak boleh mengandung tanda [ atau ].`);
			continue;
		}
		out[term] = d.trim();
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Markdown scanning

interface Fence {
	/** Index in `lines` of the opening fence. */
	open: number;
	/** Index of the closing fence, or null when the block is never closed. */
	close: number | null;
	info: string;
}

const FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*([^`]*)$/;

function scanFences(lines: readonly string[], from: number): Fence[] {
	const fences: Fence[] = [];
	for (let i = from; i < lines.length; i++) {
		const m = FENCE_OPEN.exec(lines[i]);
		if (!m) continue;
		const marker = m[1];
		const fence: Fence = { open: i, close: null, info: m[2].trim() };
		for (let j = i + 1; j < lines.length; j++) {
			const c = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j]);
			if (c && c[1][0] === marker[0] && c[1].length >= marker.length) {
				fence.close = j;
				break;
			}
		}
		fences.push(fence);
		if (fence.close === null) break;
		i = fence.close;
	}
	return fences;
}

function isQuestionFence(f: Fence): boolean {
	return f.info.split(/\s+/)[0] === 'question';
}

interface QuestionBlock {
	question: Question | null;
	id: string | null;
	/** File line of the block's `id:` (or its opening fence). */
	idLine: number;
	/** File line of the opening fence. */
	line: number;
}

/** Parse and check the ```question blocks among `fences`; file line of lines[i] is i + 1 + lineBase. */
function parseQuestionBlocks(
	lines: readonly string[],
	fences: readonly Fence[],
	file: string,
	lineBase: number,
	allowEssay: boolean,
	problems: ContentProblem[]
): QuestionBlock[] {
	const blocks: QuestionBlock[] = [];
	for (const fence of fences) {
		if (!isQuestionFence(fence)) continue;
		const line = fence.open + 1 + lineBase;
		if (fence.close === null) {
			problems.push({
				file,
				line,
				message: `Blok soal yang dibuka di baris ${line} tidak ditutup dengan ${lines[fence.open].trim().replace(/question.*$/, '')}.`
			});
			blocks.push({ question: null, id: null, idLine: line, line });
			continue;
		}
		const src = lines.slice(fence.open + 1, fence.close).join('\n');
		const parsed = parseYaml(src, line, line, file, `pada blok soal (baris ${line})`, problems);
		if (!parsed.ok) {
			blocks.push({ question: null, id: null, idLine: line, line });
			continue;
		}
		if (!isRecord(parsed.data)) {
			problems.push({
				file,
				line,
				message: `Blok soal di baris ${line} harus berisi kolom YAML (id, type, prompt, ...), bukan ${parsed.data === null ? 'kosong' : show(parsed.data)}.`
			});
			blocks.push({ question: null, id: null, idLine: line, line });
			continue;
		}
		const rawId = parsed.data.id;
		const qid = typeof rawId === 'string' && ID_PATTERN.test(rawId) ? rawId : null;
		const question = checkQuestion(parsed.data, parsed.loc, file, line, allowEssay, problems);
		blocks.push({ question, id: qid, idLine: parsed.loc.line(['id']), line });
	}
	return blocks;
}

/**
 * The ```question blocks (also ````question) of a Markdown text, checked. `lineOffset` is the number
 * of file lines before `markdown` (0 when it is the whole file), so problems carry file lines.
 * Essays are allowed only in ujian.md (judged by `file`) unless `options.allowEssay` says otherwise.
 * Questions with problems are left out of `questions`.
 */
export function parseQuestionsFromMarkdown(
	markdown: string,
	file: string,
	lineOffset = 0,
	options: { allowEssay?: boolean } = {}
): { questions: Question[]; problems: ContentProblem[] } {
	const lines = splitLines(markdown);
	const problems: ContentProblem[] = [];
	const allowEssay = options.allowEssay ?? path.basename(file) === 'ujian.md';
	const blocks = parseQuestionBlocks(lines, scanFences(lines, 0), file, lineOffset, allowEssay, problems);
	return {
		questions: blocks.flatMap((b) => (b.question ? [b.question] : [])),
		problems
	};
}

// ---------------------------------------------------------------------------------------------
// Questions

function checkOptions(f: Fields, label: string): Option[] | undefined {
	const v = f.data.options;
	if (v === undefined || v === null) {
		report(f, [], `Kolom "options" ${f.where} wajib diisi: daftar 2 sampai 6 pilihan { id, text }.`);
		return undefined;
	}
	if (!Array.isArray(v)) {
		report(f, ['options'], `Kolom "options" ${f.where} harus berupa daftar pilihan { id, text }.`);
		return undefined;
	}
	let ok = true;
	if (v.length < 2 || v.length > 6) {
		report(f, ['options'], `Soal ${label} memiliki ${v.length} pilihan; jumlah pilihan harus 2 sampai 6.`);
		ok = false;
	}
	const options: Option[] = [];
	const ids = new Map<string, number>();
	const texts = new Map<string, string>();
	v.forEach((item, i) => {
		if (!isRecord(item)) {
			report(f, ['options', i], `Pilihan ke-${i + 1} ${f.where} harus ditulis sebagai { id: a, text: ... }.`);
			ok = false;
			return;
		}
		const oid = asText(item.id)?.trim();
		const otext = asText(item.text)?.trim();
		if (!oid) {
			report(f, ['options', i], `Pilihan ke-${i + 1} ${f.where} belum memiliki id (misalnya a, b, c).`);
			ok = false;
		}
		if (!otext) {
			report(f, ['options', i], `Pilihan ${oid ? `"${oid}"` : `ke-${i + 1}`} ${f.where} belum memiliki teks.`);
			ok = false;
		}
		for (const key of Object.keys(item)) {
			if (key !== 'id' && key !== 'text') {
				report(f, ['options', i], `Kolom "${key}" pada pilihan ke-${i + 1} ${f.where} tidak dikenal; pilihan hanya memiliki id dan text.`);
				ok = false;
			}
		}
		if (!oid || !otext) return;
		const key = sameText(otext);
		const twin = texts.get(key);
		if (ids.has(oid)) {
			report(f, ['options', i], `Id pilihan "${oid}" dipakai lebih dari sekali ${f.where}.`);
			ok = false;
		} else if (twin !== undefined) {
			report(f, ['options', i], `Teks pilihan "${oid}" sama dengan pilihan "${twin}" ${f.where}; setiap pilihan harus berbeda.`);
			ok = false;
		}
		ids.set(oid, i);
		if (twin === undefined) texts.set(key, oid);
		options.push({ id: oid, text: otext });
	});
	return ok ? options : undefined;
}

function checkQuestion(
	data: Record<string, unknown>,
	loc: Locator,
	file: string,
	line: number,
	allowEssay: boolean,
	problems: ContentProblem[]
): Question | null {
	const before = problems.length;
	const rawId = data.id;
	const label =
		typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim() : `di baris ${line}`;
	const f: Fields = { file, data, loc, problems, where: `pada soal ${label}` };

	const qid = id(f);
	const rawType = data.type;
	let type: QuestionType | undefined;
	if (rawType === undefined || rawType === null) {
		report(f, [], `Kolom "type" pada soal ${label} wajib diisi dengan salah satu dari: ${list(QUESTION_TYPES)}.`);
	} else if (typeof rawType !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(rawType)) {
		report(f, ['type'], `Jenis soal ${show(rawType)} pada soal ${label} tidak dikenal. Gunakan salah satu dari: ${list(QUESTION_TYPES)}.`);
	} else {
		type = rawType as QuestionType;
	}
	const prompt = text(f, 'prompt');
	const explanation = text(f, 'explanation');
	let points = 1;
	if (data.points !== undefined) {
		const p = number(f, 'points', POSITIVE);
		if (typeof p === 'number') points = p;
	}
	if (!type) return null;

	const allowed = [...QUESTION_BASE_KEYS, ...QUESTION_KEYS[type]];
	for (const key of Object.keys(data)) {
		if (allowed.includes(key)) continue;
		const hint =
			type === 'short' && key === 'answer'
				? ' Soal short memakai kolom "answers" (daftar jawaban yang diterima).'
				: key === 'answers' && QUESTION_KEYS[type].includes('answer')
					? ` Soal ${type} memakai kolom "answer".`
					: '';
		report(f, [key], `Kolom "${key}" tidak dikenal pada soal ${label} (tipe ${type}). Kolom yang tersedia: ${list(allowed)}.${hint}`);
	}

	const base = { id: qid ?? '', prompt: prompt ?? '', explanation: explanation ?? '', points, file, line };
	let question: Question | null = null;

	switch (type) {
		case 'single': {
			const options = checkOptions(f, label);
			const v = data.answer;
			if (v === undefined || v === null) {
				report(f, [], `Kolom "answer" pada soal ${label} wajib diisi dengan id pilihan yang benar.`);
			} else if (Array.isArray(v)) {
				report(f, ['answer'], `Soal ${label} bertipe single hanya boleh memiliki satu jawaban; gunakan type: multiple untuk beberapa jawaban benar.`);
			} else {
				const answer = asText(v)?.trim();
				if (!answer) {
					report(f, ['answer'], `Kolom "answer" pada soal ${label} harus berupa id pilihan (tertulis: ${show(v)}).`);
				} else if (options && !options.some((o) => o.id === answer)) {
					report(f, ['answer'], `Jawaban "${answer}" pada soal ${label} tidak ada di antara pilihan (${list(options.map((o) => o.id))}).`);
				} else if (options) {
					question = { ...base, type, options, answer };
				}
			}
			break;
		}
		case 'multiple': {
			const options = checkOptions(f, label);
			const v = data.answer;
			if (v === undefined || v === null) {
				report(f, [], `Kolom "answer" pada soal ${label} wajib diisi dengan daftar id pilihan yang benar, misalnya [a, c].`);
			} else if (!Array.isArray(v)) {
				report(f, ['answer'], `Kolom "answer" pada soal ${label} bertipe multiple harus berupa daftar, misalnya [a, c] (tertulis: ${show(v)}).`);
			} else if (v.length === 0) {
				report(f, ['answer'], `Soal ${label} harus memiliki paling sedikit satu jawaban benar.`);
			} else {
				const answer: string[] = [];
				let ok = true;
				v.forEach((item, i) => {
					const a = asText(item)?.trim();
					if (!a) {
						report(f, ['answer', i], `Jawaban ke-${i + 1} pada soal ${label} harus berupa id pilihan (tertulis: ${show(item)}).`);
						ok = false;
					} else if (answer.includes(a)) {
						report(f, ['answer', i], `Jawaban "${a}" ditulis lebih dari sekali pada soal ${label}.`);
						ok = false;
					} else {
						if (options && !options.some((o) => o.id === a)) {
							report(f, ['answer', i], `Jawaban "${a}" pada soal ${label} tidak ada di antara pilihan (${list(options.map((o) => o.id))}).`);
							ok = false;
						}
						answer.push(a);
					}
				});
				if (ok && options) question = { ...base, type, options, answer };
			}
			break;
		}
		case 'truefalse': {
			const v = data.answer;
			if (v === undefined || v === null) {
				report(f, [], `Kolom "answer" pada soal ${label} wajib diisi dengan true (benar) atau false (salah).`);
			} else if (typeof v !== 'boolean') {
				report(f, ['answer'], `Kolom "answer" pada soal ${label} harus true (benar) atau false (salah), tanpa tanda kutip (tertulis: ${show(v)}).`);
			} else {
				question = { ...base, type, answer: v };
			}
			break;
		}
		case 'short': {
			if (data.answers === undefined && data.answer !== undefined) break; // reported above
			const answers = textList(f, 'answers', { required: true, nonEmpty: true, example: '[Ombudsman, Ombudsman RI]' });
			if (answers) {
				let ok = true;
				answers.forEach((a, i) => {
					if (normaliseShortAnswer(a) === '') {
						report(f, ['answers', i], `Jawaban ke-${i + 1} pada soal ${label} hanya berisi tanda baca; tulis jawaban yang diterima.`);
						ok = false;
					}
				});
				if (ok) question = { ...base, type, answers };
			}
			break;
		}
		case 'numeric': {
			const v = data.answer;
			let answer: number | undefined;
			if (v === undefined || v === null) {
				report(f, [], `Kolom "answer" pada soal ${label} wajib diisi dengan angka.`);
			} else if (typeof v !== 'number' || !Number.isFinite(v)) {
				const hint = typeof v === 'string' ? ' Tulis angka tanpa tanda kutip dan gunakan titik sebagai pemisah desimal (misalnya 3.05).' : '';
				report(f, ['answer'], `Kolom "answer" pada soal ${label} harus berupa angka (tertulis: ${show(v)}).${hint}`);
			} else {
				answer = v;
			}
			let tolerance: number | undefined = 0;
			if (data.tolerance !== undefined && data.tolerance !== null) {
				const t = number(f, 'tolerance', { rule: 'berupa angka 0 atau lebih (selisih yang masih diterima)', ok: (n) => n >= 0 });
				tolerance = typeof t === 'number' ? t : undefined;
			}
			let unit: string | null | undefined = null;
			if (data.unit !== undefined && data.unit !== null) {
				const u = asText(data.unit)?.trim();
				if (!u) {
					report(f, ['unit'], `Kolom "unit" pada soal ${label} harus berupa teks satuan, misalnya "hari kerja" (tertulis: ${show(data.unit)}).`);
					unit = undefined;
				} else {
					unit = u;
				}
			}
			if (answer !== undefined && tolerance !== undefined && unit !== undefined) {
				question = { ...base, type, answer, tolerance, unit };
			}
			break;
		}
		case 'matching': {
			const v = data.pairs;
			if (v === undefined || v === null) {
				report(f, [], `Kolom "pairs" pada soal ${label} wajib diisi: daftar 3 sampai 6 pasangan { left, right }.`);
				break;
			}
			if (!Array.isArray(v)) {
				report(f, ['pairs'], `Kolom "pairs" pada soal ${label} harus berupa daftar pasangan { left, right }.`);
				break;
			}
			let ok = true;
			if (v.length < 3 || v.length > 6) {
				report(f, ['pairs'], `Soal ${label} memiliki ${v.length} pasangan; jumlah pasangan harus 3 sampai 6.`);
				ok = false;
			}
			const pairs: Array<{ left: string; right: string }> = [];
			const lefts = new Set<string>();
			const rights = new Set<string>();
			v.forEach((item, i) => {
				const left = isRecord(item) ? asText(item.left)?.trim() : undefined;
				const right = isRecord(item) ? asText(item.right)?.trim() : undefined;
				if (!left || !right) {
					report(f, ['pairs', i], `Pasangan ke-${i + 1} pada soal ${label} harus memiliki left dan right yang tidak kosong.`);
					ok = false;
					return;
				}
				for (const key of Object.keys(item as Record<string, unknown>)) {
					if (key !== 'left' && key !== 'right') {
						report(f, ['pairs', i], `Kolom "${key}" pada pasangan ke-${i + 1} soal ${label} tidak dikenal; pasangan hanya memiliki left dan right.`);
						ok = false;
					}
				}
				if (lefts.has(sameText(left))) {
					report(f, ['pairs', i], `Sisi kiri "${left}" muncul lebih dari sekali pada soal ${label}; setiap sisi kiri harus berbeda.`);
					ok = false;
				}
				if (rights.has(sameText(right))) {
					report(f, ['pairs', i], `Sisi kanan "${right}" muncul lebih dari sekali pada soal ${label}; setiap sisi kanan harus berbeda.`);
					ok = false;
				}
				lefts.add(sameText(left));
				rights.add(sameText(right));
				pairs.push({ left, right });
			});
			if (ok) question = { ...base, type, pairs };
			break;
		}
		case 'ordering': {
			const items = textList(f, 'items', { required: false, nonEmpty: false, example: '[langkah pertama, langkah kedua, langkah ketiga]' });
			if (data.items === undefined || data.items === null) {
				report(f, [], `Kolom "items" pada soal ${label} wajib diisi: daftar 3 sampai 7 butir dalam urutan yang benar.`);
				break;
			}
			if (!items) break;
			let ok = true;
			if (items.length < 3 || items.length > 7) {
				report(f, ['items'], `Soal ${label} memiliki ${items.length} butir; jumlah butir untuk diurutkan harus 3 sampai 7.`);
				ok = false;
			}
			const seen = new Set<string>();
			items.forEach((item, i) => {
				if (seen.has(sameText(item))) {
					report(f, ['items', i], `Butir "${item}" muncul lebih dari sekali pada soal ${label}; setiap butir harus berbeda.`);
					ok = false;
				}
				seen.add(sameText(item));
			});
			if (ok) question = { ...base, type, items };
			break;
		}
		case 'essay': {
			if (!allowEssay) {
				report(f, ['type'], `Soal ${label} bertipe essay (uraian), padahal soal uraian hanya boleh ada di ujian.md karena dinilai oleh widyaiswara; gunakan tipe soal lain untuk latihan.`);
			}
			const rubric = text(f, 'rubric');
			const maxPoints = number(f, 'maxPoints', POSITIVE);
			if (data.points !== undefined && typeof maxPoints === 'number' && data.points !== maxPoints) {
				report(f, ['points'], `Soal uraian ${label} memakai maxPoints (${maxPoints}) sebagai bobot; hapus kolom points atau samakan nilainya.`);
			}
			if (rubric !== undefined && typeof maxPoints === 'number') {
				// An essay weighs its maxPoints (a 10-point essay counts 10 in the exam total).
				question = { ...base, points: maxPoints, type, rubric, maxPoints };
			}
			break;
		}
	}
	return problems.length === before && qid !== undefined ? question : null;
}

// ---------------------------------------------------------------------------------------------
// Markdown bodies: headings, directives, terms, links, images, words

interface BodyContext {
	file: string;
	absFile: string;
	/** Terms defined for this file (course glossary plus module glossary). */
	terms: ReadonlySet<string>;
	staticDir: string;
	problems: ContentProblem[];
}

interface BodyReport {
	headings: Heading[];
	/** File line of each heading, parallel to `headings`. */
	headingLines: number[];
	termsUsed: string[];
	wordCount: number;
	fences: Fence[];
}

const INLINE_CODE = /`[^`\n]*`/g;
const TERM = /(?<![:\w]):term\[([^\]]*)\]/g;
const LINK_TARGET = /\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const IMAGE_NO_ALT = /!\[\s*\]\(/g;
const WORD = /[\p{L}\p{N}]+(?:[-'’.,/][\p{L}\p{N}]+)*/gu;

function plainInline(s: string): string {
	return s
		.replace(INLINE_CODE, (m) => m.slice(1, -1))
		.replace(/(?<![:\w]):term\[([^\]]*)\]/g, '$1')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_~]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Where a static file (href "/files/..." or "/images/...") would be, or null if it escapes static/. */
function staticPath(staticDir: string, href: string): string | null {
	let clean = href.replace(/[?#].*$/, '');
	try {
		clean = decodeURIComponent(clean);
	} catch {
		// keep as written
	}
	const abs = path.resolve(staticDir, `.${clean.startsWith('/') ? '' : '/'}${clean}`);
	return abs === staticDir || abs.startsWith(staticDir + path.sep) ? abs : null;
}

function isFile(abs: string): boolean {
	try {
		return fs.statSync(abs).isFile();
	} catch {
		return false;
	}
}

function checkLinkTarget(ctx: BodyContext, line: number, target: string): void {
	if (target === '') {
		ctx.problems.push({ file: ctx.file, line, message: 'Tautan tanpa alamat: isi alamat di dalam ( ).' });
		return;
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return;
	if (target.startsWith('/')) {
		if (!/^\/(files|images)\//.test(target)) return; // a page of the application
		const abs = staticPath(ctx.staticDir, target);
		if (!abs || !isFile(abs)) {
			ctx.problems.push({
				file: ctx.file,
				line,
				message: `Berkas ${target} tidak ditemukan di folder static (seharusnya ada di static${target.replace(/[?#].*$/, '')}).`
			});
		}
		return;
	}
	// Relative links are links to another module of the same course; the renderer (dialect.js)
	// turns ./NN-slug.md into the module's page and leaves any other form as a dead link.
	const m = /^\.\/(\d+-[a-z0-9-]+\.md)(#[\w-]+)?$/.exec(target);
	if (!m) {
		ctx.problems.push({
			file: ctx.file,
			line,
			message: `Tautan ${target} tidak dapat dipakai: tautan ke modul lain ditulis ./NN-nama-modul.md (modul di kursus yang sama), halaman web dengan https://, berkas unduhan dengan ::download.`
		});
		return;
	}
	if (!isFile(path.resolve(path.dirname(ctx.absFile), m[1]))) {
		ctx.problems.push({
			file: ctx.file,
			line,
			message: `Tautan ke ${target} rusak: berkas ${m[1]} tidak ada di folder kursus ini. Periksa nomor dan nama berkas modul.`
		});
	}
}

/** Check a Markdown body (lines[from..]) and describe it. File line of lines[i] is i + 1. */
function checkBody(ctx: BodyContext, lines: readonly string[], from: number): BodyReport {
	const fences = scanFences(lines, from);
	const inFence = new Set<number>();
	for (const f of fences) {
		const end = f.close ?? lines.length - 1;
		for (let i = f.open; i <= end; i++) inFence.add(i);
		if (f.close === null && !isQuestionFence(f)) {
			ctx.problems.push({
				file: ctx.file,
				line: f.open + 1,
				message: `Blok kode yang dibuka di baris ${f.open + 1} tidak ditutup, sehingga sisa berkas ikut terbaca sebagai kode.`
			});
		}
	}

	const headings: Heading[] = [];
	const headingLines: number[] = [];
	const slugLines = new Map<string, number>();
	const termsUsed: string[] = [];
	const containers: Array<{ name: string; line: number }> = [];
	let words = 0;

	for (let i = from; i < lines.length; i++) {
		if (inFence.has(i)) continue;
		const line = i + 1;
		const raw = lines[i];
		const src = raw.replace(INLINE_CODE, '');

		// Headings: ## and ### as the renderer (dialect.js) reads them, anchors by slugify.
		if (/^#(?!#)/.test(raw)) {
			ctx.problems.push({
				file: ctx.file,
				line,
				message: `Judul tingkat satu (${raw.trim()}) tidak dipakai di badan berkas karena judul diambil dari frontmatter; gunakan ## atau ###.`
			});
		}
		const h = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(raw);
		if (h) {
			const depth = h[1].length as 2 | 3;
			const headingText = plainInline(h[2]);
			const slug = slugify(h[2].replace(/:term\[([^\]]+)\]/g, '$1'));
			if (slug === '') {
				ctx.problems.push({ file: ctx.file, line, message: 'Judul bagian ini tidak berisi huruf atau angka, sehingga tidak dapat ditautkan dari daftar isi.' });
			} else if (slugLines.has(slug)) {
				ctx.problems.push({
					file: ctx.file,
					line,
					message: `Judul "${headingText}" menghasilkan jangkar #${slug} yang sama dengan judul di baris ${slugLines.get(slug)}; bedakan judulnya agar daftar isi menautkan bagian yang tepat.`
				});
			} else {
				slugLines.set(slug, line);
			}
			headings.push({ depth, text: headingText, slug });
			headingLines.push(line);
		}

		// Container directives  :::name[title]  ...  :::  (at the start of the line, as dialect.js
		// renders them)
		const c = /^(\s*)(:{3,})(.*)$/.exec(src);
		if (c && c[1] !== '') {
			ctx.problems.push({
				file: ctx.file,
				line,
				message: 'Direktif ":::" harus ditulis di awal baris tanpa spasi atau indentasi di depannya.'
			});
		} else if (c && c[2].length !== 3) {
			ctx.problems.push({
				file: ctx.file,
				line,
				message: `Gunakan tepat tiga titik dua (:::) untuk membuka atau menutup kotak, bukan ${c[2].length}.`
			});
		} else if (c) {
			const rest = c[3];
			if (rest.trim() === '') {
				if (containers.length === 0) {
					ctx.problems.push({ file: ctx.file, line, message: 'Penutup ":::" ini tidak memiliki pembuka (misalnya :::tip[Judul]).' });
				} else {
					containers.pop();
				}
			} else {
				const d = /^\s*([a-z]+)(?:\[(.*)\])?\s*$/.exec(rest);
				const name = d?.[1] ?? /^\s*([A-Za-z][\w-]*)/.exec(rest)?.[1] ?? '?';
				containers.push({ name, line });
				if (!(CONTAINER_DIRECTIVES as readonly string[]).includes(name)) {
					ctx.problems.push({
						file: ctx.file,
						line,
						message: `Kotak :::${name} tidak dikenal. Gunakan salah satu dari: ${list(CONTAINER_DIRECTIVES)}, misalnya :::tip[Judul].`
					});
				} else if (!d) {
					ctx.problems.push({
						file: ctx.file,
						line,
						message: `Baris pembuka kotak :::${name} tidak ditulis dengan benar: gunakan :::${name} atau :::${name}[Judul], dengan tanda ] penutup dan tanpa teks lain.`
					});
				} else if (name === 'regulation' && (d[2] ?? '').trim() === '') {
					ctx.problems.push({
						file: ctx.file,
						line,
						message: 'Kotak :::regulation harus menyebut peraturan dan pasalnya, misalnya :::regulation[UU 25/2009 Pasal 21].'
					});
				}
			}
		}

		// Leaf directives  ::download[label]{href="..."}
		const leaf = /^(\s*)::(?!:)([A-Za-z][\w-]*)(.*)$/.exec(src);
		if (leaf) {
			const [, indent, name, rest] = leaf;
			const m = /^\[(.+?)\]\{href="([^"]+)"\}\s*$/.exec(rest);
			if (name !== 'download') {
				ctx.problems.push({
					file: ctx.file,
					line,
					message: `Direktif ::${name} tidak dikenal; yang tersedia adalah ::download[Nama berkas]{href="/files/<kursus>/<berkas>"}.`
				});
			} else if (indent !== '' || !m || m[1].trim() === '') {
				ctx.problems.push({
					file: ctx.file,
					line,
					message: 'Tautan unduhan tidak sesuai format: tulis di awal baris ::download[Nama berkas]{href="/files/<kursus>/<berkas>"} (nama berkas tidak kosong, alamat dalam tanda kutip ganda).'
				});
			} else {
				const target = m[2].trim();
				const abs = target.startsWith('/') ? staticPath(ctx.staticDir, target) : null;
				if (!abs) {
					ctx.problems.push({
						file: ctx.file,
						line,
						message: `Tautan unduhan "${target}" harus menunjuk berkas di folder static, diawali garis miring, misalnya /files/<kursus>/templat.csv.`
					});
				} else if (!isFile(abs)) {
					ctx.problems.push({
						file: ctx.file,
						line,
						message: `Berkas unduhan ${target} tidak ditemukan: letakkan berkasnya di static${target.replace(/[?#].*$/, '')} atau perbaiki alamatnya.`
					});
				}
			}
		}

		// Terms
		for (const m of src.matchAll(TERM)) {
			const term = m[1].trim();
			if (term === '') {
				ctx.problems.push({ file: ctx.file, line, message: 'Istilah :term[] kosong: tulis istilahnya di dalam [ ].' });
				continue;
			}
			if (!termsUsed.includes(term)) termsUsed.push(term);
			if (!ctx.terms.has(term)) {
				const near = [...ctx.terms].find((t) => t.toLowerCase() === term.toLowerCase());
				ctx.problems.push({
					file: ctx.file,
					line,
					message: near
						? `Istilah :term[${term}] tidak ada di glosarium; yang terdefinisi adalah "${near}" (huruf besar/kecil harus sama).`
						: `Istilah :term[${term}] belum didefinisikan: tambahkan "${term}" ke glossary di index.md kursus atau di frontmatter modul.`
				});
			}
		}

		// Images without alt text, links
		for (let k = src.match(IMAGE_NO_ALT)?.length ?? 0; k > 0; k--) {
			ctx.problems.push({
				file: ctx.file,
				line,
				message: 'Gambar tanpa teks alternatif: tulis deskripsi singkat gambar di dalam ![...](...) agar dapat dibaca pembaca layar.'
			});
		}
		for (const m of src.matchAll(LINK_TARGET)) checkLinkTarget(ctx, line, m[1]);
		const ref = REFERENCE_DEFINITION.exec(src);
		if (ref) checkLinkTarget(ctx, line, ref[1]);

		// Words (directive syntax, link targets and attributes do not count)
		const prose = raw
			.replace(/^\s*:{2,}[A-Za-z][\w-]*/, '')
			.replace(/\{[^}]*\}/g, ' ')
			.replace(/\]\([^)]*\)/g, ']')
			.replace(/(?<![:\w]):term\[/g, '[')
			.replace(/<[^>]+>/g, ' ');
		words += prose.match(WORD)?.length ?? 0;
	}

	for (const open of containers) {
		ctx.problems.push({
			file: ctx.file,
			line: open.line,
			message: `Kotak :::${open.name} yang dibuka di baris ${open.line} tidak ditutup dengan ":::".`
		});
	}
	return { headings, headingLines, termsUsed, wordCount: words, fences };
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
