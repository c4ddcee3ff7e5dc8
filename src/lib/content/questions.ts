// Questions: the ```question blocks of modules and exams, checked field by field (format in
// content/README.md), and what the browser may see of a question. Relative imports only: the
// loader is also imported by vite.config.ts and by scripts/content-check.ts (tsx).
import path from 'node:path';
import type { ContentProblem, Option, PublicQuestion, Question, QuestionType } from './types';
import { normaliseShortAnswer } from './grade';
import { ID_PATTERN, QUESTION_BASE_KEYS, QUESTION_KEYS, QUESTION_TYPES } from './format';
import {
	POSITIVE,
	asText,
	id,
	isRecord,
	list,
	number,
	parseYaml,
	report,
	show,
	splitLines,
	text,
	textList
} from './yaml-fields';
import type { Fields, Locator } from './yaml-fields';

// ---------------------------------------------------------------------------------------------
// What the browser sees

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
// Markdown scanning

export interface Fence {
	/** Index in `lines` of the opening fence. */
	open: number;
	/** Index of the closing fence, or null when the block is never closed. */
	close: number | null;
	info: string;
}

const FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*([^`]*)$/;

export function scanFences(lines: readonly string[], from: number): Fence[] {
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

export function isQuestionFence(f: Fence): boolean {
	return f.info.split(/\s+/)[0] === 'question';
}

export interface QuestionBlock {
	question: Question | null;
	id: string | null;
	/** File line of the block's `id:` (or its opening fence). */
	idLine: number;
	/** File line of the opening fence. */
	line: number;
}

/** Parse and check the ```question blocks among `fences`; file line of lines[i] is i + 1 + lineBase. */
export function parseQuestionBlocks(
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

function sameText(s: string): string {
	return s.normalize('NFKC').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();
}

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
