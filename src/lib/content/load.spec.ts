import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
	COMPETENCY_CODES,
	loadContent,
	parseLearnerNumber,
	parseQuestionsFromMarkdown,
	slugify,
	toPublicQuestion
} from './load';
import type { ContentProblem, Question } from './types';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// ---------------------------------------------------------------------------------------------
// Fixtures: small repositories (content/ + static/) in a temporary folder

const tempDirs: string[] = [];
afterAll(() => {
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Write `files` (paths relative to the fake repository root) and return that root. */
function makeRepo(files: Record<string, string>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bina-content-'));
	tempDirs.push(root);
	fs.mkdirSync(path.join(root, 'static'), { recursive: true });
	for (const [rel, text] of Object.entries(files)) {
		const abs = path.join(root, rel);
		fs.mkdirSync(path.dirname(abs), { recursive: true });
		fs.writeFileSync(abs, text);
	}
	return root;
}

function load(root: string) {
	return loadContent(path.join(root, 'content'));
}

/** 1-based line of the nth line containing `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
	let seen = 0;
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].includes(needle) && ++seen === nth) return i + 1;
	}
	throw new Error(`"${needle}" not in text`);
}

function indexMd(opts: { id?: string | null; competency?: string; prerequisites?: string } = {}): string {
	const id = opts.id === undefined ? 'alpha' : opts.id;
	return [
		'---',
		...(id === null ? [] : [`id: ${id}`]),
		'title: Kursus Alfa',
		'summary: Ringkasan singkat kursus uji.',
		'audience: ASN yang sedang belajar.',
		'level: dasar',
		'jp: 2',
		'topic: uji-coba',
		'tags: [uji, contoh]',
		`prerequisites: ${opts.prerequisites ?? '[]'}`,
		'competencies:',
		`  - { code: ${opts.competency ?? 'TEK-MPR'}, level: 2 }`,
		'certification:',
		'  passMark: 70',
		'  validityMonths: null',
		'glossary:',
		'  WBS: Work Breakdown Structure, pemecahan lingkup menjadi paket kerja.',
		'---',
		'Kursus ini dimulai dari [modul pertama](./01-pertama.md).',
		''
	].join('\n');
}

function question(qid: string, answer = 'b'): string {
	return [
		'```question',
		`id: ${qid}`,
		'type: single',
		'prompt: Fase apa yang sedang berjalan?',
		'options:',
		'  - { id: a, text: Inisiasi }',
		'  - { id: b, text: Perencanaan }',
		'  - { id: c, text: Pelaksanaan }',
		'  - { id: d, text: Penutupan }',
		`answer: ${answer}`,
		'explanation: Karena dokumen perencanaan sedang disusun.',
		'```'
	].join('\n');
}

function moduleMd(opts: { id: string; qid: string; body?: string; answer?: string; extraQuestion?: string }): string {
	return [
		'---',
		`id: ${opts.id}`,
		'title: Modul Uji',
		'minutes: 30',
		'objectives:',
		'  - Menjelaskan isi modul uji.',
		'---',
		'## Pendahuluan Modul',
		'',
		opts.body ?? 'Paragraf tentang :term[WBS] dan proyek kota.',
		'',
		'### Rincian & Contoh',
		'',
		'Teks rincian.',
		'',
		'## Latihan',
		'',
		question(opts.qid, opts.answer),
		...(opts.extraQuestion ? ['', opts.extraQuestion] : []),
		''
	].join('\n');
}

function examMd(opts: { draw?: number; extra?: string } = {}): string {
	return [
		'---',
		'id: alpha-ujian',
		'title: Ujian Akhir Alfa',
		'passMark: 70',
		'timeLimitMinutes: 30',
		'attempts: null',
		'waitMinutes: 60',
		`draw: ${opts.draw ?? 2}`,
		'shuffleOptions: true',
		'feedback: after-submit',
		'review: true',
		'---',
		'Kerjakan soal berikut dengan teliti.',
		'',
		question('alpha-ujian-q1', 'a'),
		'',
		'```question',
		'id: alpha-ujian-q2',
		'type: essay',
		'prompt: Uraikan rencana proyek Anda.',
		'rubric: Menyebut lingkup, jadwal, dan anggaran.',
		'maxPoints: 10',
		'explanation: Jawaban yang baik menghubungkan lingkup, jadwal, dan anggaran.',
		'```',
		...(opts.extra ? ['', opts.extra] : []),
		''
	].join('\n');
}

/** A valid course "alpha" with modules 01, 02 and 10 (numeric order) and an exam. */
function validCourse(prefix = 'content/alpha'): Record<string, string> {
	return {
		[`${prefix}/index.md`]: indexMd(),
		[`${prefix}/01-pertama.md`]: moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1' }),
		[`${prefix}/02-kedua.md`]: moduleMd({
			id: 'alpha-kedua',
			qid: 'alpha-q2',
			body: 'Lihat [modul pertama](./01-pertama.md) dan unduh templat.\n\n::download[Templat WBS (CSV)]{href="/files/alpha/templat-wbs.csv"}'
		}),
		[`${prefix}/10-kesepuluh.md`]: moduleMd({ id: 'alpha-kesepuluh', qid: 'alpha-q10' }),
		[`${prefix}/ujian.md`]: examMd(),
		'static/files/alpha/templat-wbs.csv': 'kode;uraian\n1;Proyek\n'
	};
}

function find(problems: ContentProblem[], file: string, fragment: string): ContentProblem {
	const hit = problems.find((p) => p.file === file && p.message.includes(fragment));
	if (!hit) {
		throw new Error(
			`no problem in ${file} containing "${fragment}"; got:\n${problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`
		);
	}
	return hit;
}

// ---------------------------------------------------------------------------------------------

describe('loadContent: a valid course', () => {
	it('loads the course, its modules in numeric order, the exam and no problems', () => {
		const root = makeRepo({ ...validCourse(), 'content/README.md': '# not a course', 'content/drafts/notes.md': 'no index' });
		const { courses, problems } = load(root);
		expect(problems).toEqual([]);
		expect(courses).toHaveLength(1);
		const c = courses[0];
		expect(c).toMatchObject({
			id: 'alpha',
			slug: 'alpha',
			dir: 'content/alpha',
			title: 'Kursus Alfa',
			level: 'dasar',
			jp: 2,
			topic: 'uji-coba',
			tags: ['uji', 'contoh'],
			prerequisites: [],
			competencies: [{ code: 'TEK-MPR', level: 2 }],
			certification: { passMark: 70, validityMonths: null },
			glossary: { WBS: 'Work Breakdown Structure, pemecahan lingkup menjadi paket kerja.' }
		});
		expect(c.description).toBe('Kursus ini dimulai dari [modul pertama](./01-pertama.md).');
		expect(c.modules.map((m) => [m.order, m.slug, m.id, m.file])).toEqual([
			[1, 'pertama', 'alpha-pertama', 'content/alpha/01-pertama.md'],
			[2, 'kedua', 'alpha-kedua', 'content/alpha/02-kedua.md'],
			[10, 'kesepuluh', 'alpha-kesepuluh', 'content/alpha/10-kesepuluh.md']
		]);
		const m = c.modules[0];
		expect(m).toMatchObject({ title: 'Modul Uji', minutes: 30, objectives: ['Menjelaskan isi modul uji.'], termsUsed: ['WBS'] });
		expect(m.headings).toEqual([
			{ depth: 2, text: 'Pendahuluan Modul', slug: 'pendahuluan-modul' },
			{ depth: 3, text: 'Rincian & Contoh', slug: 'rincian-contoh' },
			{ depth: 2, text: 'Latihan', slug: 'latihan' }
		]);
		// Words of the prose only: the question block is not counted.
		expect(m.wordCount).toBe(2 + 6 + 2 + 2 + 1);
		expect(m.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(m.questions).toEqual([
			{
				id: 'alpha-q1',
				type: 'single',
				prompt: 'Fase apa yang sedang berjalan?',
				options: [
					{ id: 'a', text: 'Inisiasi' },
					{ id: 'b', text: 'Perencanaan' },
					{ id: 'c', text: 'Pelaksanaan' },
					{ id: 'd', text: 'Penutupan' }
				],
				answer: 'b',
				explanation: 'Karena dokumen perencanaan sedang disusun.',
				points: 1,
				file: 'content/alpha/01-pertama.md',
				line: lineOf(moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1' }), '```question')
			}
		]);
		expect(c.exam).toMatchObject({
			id: 'alpha-ujian',
			file: 'content/alpha/ujian.md',
			passMark: 70,
			timeLimitMinutes: 30,
			attempts: null,
			waitMinutes: 60,
			draw: 2,
			shuffleOptions: true,
			feedback: 'after-submit',
			review: true,
			instructions: 'Kerjakan soal berikut dengan teliti.'
		});
		expect(c.exam?.pool.map((q) => [q.id, q.type, q.points])).toEqual([
			['alpha-ujian-q1', 'single', 1],
			['alpha-ujian-q2', 'essay', 10]
		]);
		expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('keeps hashes stable, and a changed module changes its hash and the course hash only', () => {
		const root = makeRepo(validCourse());
		const first = load(root).courses[0];
		const again = load(root).courses[0];
		expect(again.hash).toBe(first.hash);
		expect(again.modules.map((m) => m.hash)).toEqual(first.modules.map((m) => m.hash));

		const file = path.join(root, 'content/alpha/02-kedua.md');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Teks rincian.', 'Teks rincian yang diperbarui.'));
		const changed = load(root);
		expect(changed.problems).toEqual([]);
		const after = changed.courses[0];
		expect(after.modules[1].hash).not.toBe(first.modules[1].hash);
		expect(after.modules[0].hash).toBe(first.modules[0].hash);
		expect(after.modules[2].hash).toBe(first.modules[2].hash);
		expect(after.exam?.hash).toBe(first.exam?.hash);
		expect(after.hash).not.toBe(first.hash);
	});
});

describe('loadContent: problems with file, line and an Indonesian message', () => {
	it('reports a missing course id', () => {
		const root = makeRepo({ ...validCourse(), 'content/alpha/index.md': indexMd({ id: null }) });
		const p = find(load(root).problems, 'content/alpha/index.md', 'Kolom "id"');
		expect(p.line).toBe(1);
		expect(p.message).toContain('wajib diisi');
	});

	it('reports an invalid course id on its line', () => {
		const root = makeRepo({ ...validCourse(), 'content/alpha/index.md': indexMd({ id: 'Kursus Alfa' }) });
		const p = find(load(root).problems, 'content/alpha/index.md', 'tidak valid');
		expect(p.line).toBe(2);
	});

	it('reports a duplicate course id on the second course', () => {
		const beta = validCourse('content/beta');
		beta['content/beta/01-pertama.md'] = moduleMd({ id: 'beta-pertama', qid: 'beta-q1' });
		beta['content/beta/02-kedua.md'] = moduleMd({ id: 'beta-kedua', qid: 'beta-q2' });
		beta['content/beta/10-kesepuluh.md'] = moduleMd({ id: 'beta-kesepuluh', qid: 'beta-q10' });
		delete beta['content/beta/ujian.md'];
		beta['content/beta/index.md'] = indexMd().replace('certification:\n  passMark: 70\n  validityMonths: null\n', '');
		const root = makeRepo({ ...validCourse(), ...beta });
		const p = find(load(root).problems, 'content/beta/index.md', 'Id kursus "alpha" sudah dipakai');
		expect(p.line).toBe(2);
		expect(p.message).toContain('content/alpha/index.md');
	});

	it('reports a module id used in two courses', () => {
		const root = makeRepo({
			...validCourse(),
			'content/beta/index.md': indexMd({ id: 'beta' }).replace('certification:\n  passMark: 70\n  validityMonths: null\n', ''),
			'content/beta/01-lain.md': moduleMd({ id: 'alpha-kedua', qid: 'beta-q1' })
		});
		const p = find(load(root).problems, 'content/beta/01-lain.md', 'Id modul "alpha-kedua" sudah dipakai');
		expect(p.line).toBe(2);
		expect(p.message).toContain('content/alpha/02-kedua.md');
	});

	it('reports an unknown competency code on its line', () => {
		const text = indexMd({ competency: 'TEK-XYZ' });
		const root = makeRepo({ ...validCourse(), 'content/alpha/index.md': text });
		const p = find(load(root).problems, 'content/alpha/index.md', 'Kode kompetensi "TEK-XYZ" tidak dikenal');
		expect(p.line).toBe(lineOf(text, 'TEK-XYZ'));
	});

	it('reports an answer that is not among the options', () => {
		const text = moduleMd({ id: 'alpha-pertama', qid: 'mpp-siklus-q1', answer: 'e' });
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		const p = find(load(root).problems, 'content/alpha/01-pertama.md', 'Jawaban "e"');
		expect(p.message).toBe('Jawaban "e" pada soal mpp-siklus-q1 tidak ada di antara pilihan (a, b, c, d).');
		expect(p.line).toBe(lineOf(text, 'answer: e'));
	});

	it('reports a broken link to another module', () => {
		const text = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1', body: 'Lanjutkan ke\n[modul tiga](./03-ketiga.md).' });
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		const p = find(load(root).problems, 'content/alpha/01-pertama.md', './03-ketiga.md');
		expect(p.line).toBe(lineOf(text, '(./03-ketiga.md)'));
		expect(p.message).toContain('rusak');
	});

	it('ignores web links and anchors', () => {
		const text = moduleMd({
			id: 'alpha-pertama',
			qid: 'alpha-q1',
			body: 'Baca [JDIH](https://jdih.pemkomedan.go.id), [bagian ini](#latihan) dan [modul dua](./02-kedua.md#latihan).'
		});
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		expect(load(root).problems).toEqual([]);
	});

	it('reports a term that is not in the course or module glossary', () => {
		const text = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1', body: 'Susun :term[RAB] setelah :term[WBS].' });
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		const { problems } = load(root);
		const p = find(problems, 'content/alpha/01-pertama.md', ':term[RAB]');
		expect(p.line).toBe(lineOf(text, ':term[RAB]'));
		expect(p.message).toContain('belum didefinisikan');
		expect(problems.filter((x) => x.message.includes(':term[WBS]'))).toEqual([]);
	});

	it('accepts a term defined in the module glossary', () => {
		const text = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1', body: 'Susun :term[RAB].' }).replace(
			'objectives:',
			'glossary:\n  RAB: Rencana Anggaran Biaya.\nobjectives:'
		);
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		const { courses, problems } = load(root);
		expect(problems).toEqual([]);
		expect(courses[0].modules[0].glossary).toEqual({ RAB: 'Rencana Anggaran Biaya.' });
	});

	it('reports a download whose file is missing from static/', () => {
		const files = validCourse();
		delete files['static/files/alpha/templat-wbs.csv'];
		const root = makeRepo(files);
		const p = find(load(root).problems, 'content/alpha/02-kedua.md', 'Berkas unduhan /files/alpha/templat-wbs.csv tidak ditemukan');
		expect(p.line).toBe(lineOf(files['content/alpha/02-kedua.md'], '::download'));
	});

	it('reports bad YAML in a question block with its line', () => {
		const text = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1' }).replace(
			'prompt: Fase apa yang sedang berjalan?',
			'prompt: Fase apa: inisiasi atau perencanaan?'
		);
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		const p = find(load(root).problems, 'content/alpha/01-pertama.md', 'Penulisan YAML pada blok soal');
		expect(p.line).toBe(lineOf(text, 'prompt: Fase apa:'));
	});

	it('reports bad YAML in frontmatter with its line', () => {
		const text = indexMd().replace('tags: [uji, contoh]', 'tags: [uji, contoh');
		const root = makeRepo({ ...validCourse(), 'content/alpha/index.md': text });
		const p = find(load(root).problems, 'content/alpha/index.md', 'Penulisan YAML di frontmatter');
		expect(p.line).toBeGreaterThanOrEqual(lineOf(text, 'tags:'));
		expect(p.line).toBeLessThanOrEqual(lineOf(text, 'competencies:'));
	});

	it('reports an essay in a module', () => {
		const essay = [
			'```question',
			'id: alpha-esai',
			'type: essay',
			'prompt: Uraikan.',
			'rubric: Lengkap.',
			'maxPoints: 5',
			'explanation: Contoh jawaban.',
			'```'
		].join('\n');
		const text = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1', extraQuestion: essay });
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text });
		const p = find(load(root).problems, 'content/alpha/01-pertama.md', 'hanya boleh ada di ujian.md');
		expect(p.line).toBe(lineOf(text, 'type: essay'));
	});

	it('reports an exam that draws more questions than its pool holds', () => {
		const text = examMd({ draw: 5 });
		const root = makeRepo({ ...validCourse(), 'content/alpha/ujian.md': text });
		const p = find(load(root).problems, 'content/alpha/ujian.md', 'draw: 5');
		expect(p.line).toBe(lineOf(text, 'draw: 5'));
		expect(p.message).toContain('melebihi jumlah soal di bank soal ujian (2');
	});

	it('reports a question id used twice in a course (module and exam)', () => {
		const text = examMd({ extra: question('alpha-q1') });
		const root = makeRepo({ ...validCourse(), 'content/alpha/ujian.md': text });
		const p = find(load(root).problems, 'content/alpha/ujian.md', 'Id soal "alpha-q1" sudah dipakai di content/alpha/01-pertama.md');
		expect(p.line).toBe(lineOf(text, 'id: alpha-q1'));
	});

	it('reports an unclosed ::: container, an image without alt text and a module without Latihan', () => {
		const body = [
			':::tip[Kiat]',
			'Kotak yang tidak ditutup.',
			'',
			'![](/images/alpha/bagan.svg)'
		].join('\n');
		const text = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1', body }).replace('## Latihan', '## Soal');
		const root = makeRepo({ ...validCourse(), 'content/alpha/01-pertama.md': text, 'static/images/alpha/bagan.svg': '<svg/>' });
		const { problems } = load(root);
		const file = 'content/alpha/01-pertama.md';
		expect(find(problems, file, 'Kotak :::tip yang dibuka').line).toBe(lineOf(text, ':::tip'));
		expect(find(problems, file, 'Gambar tanpa teks alternatif').line).toBe(lineOf(text, '![]'));
		expect(find(problems, file, '## Latihan').message).toContain('paling sedikit 1 soal');
	});

	it('reports invalid frontmatter fields of the course, the module and the exam', () => {
		const index = indexMd({ prerequisites: '[kursus-hantu]' }).replace('level: dasar', 'level: mahir').replace('jp: 2', 'jp: -1');
		const mod = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1' }).replace('minutes: 30', 'minutes: 0');
		const exam = examMd().replace('feedback: after-submit', 'feedback: langsung').replace('passMark: 70', 'passMark: 150');
		const root = makeRepo({
			...validCourse(),
			'content/alpha/index.md': index,
			'content/alpha/01-pertama.md': mod,
			'content/alpha/ujian.md': exam
		});
		const { problems } = load(root);
		expect(find(problems, 'content/alpha/index.md', 'Kolom "level"').line).toBe(lineOf(index, 'level:'));
		expect(find(problems, 'content/alpha/index.md', 'Kolom "jp"').line).toBe(lineOf(index, 'jp:'));
		expect(find(problems, 'content/alpha/index.md', 'Prasyarat "kursus-hantu"').line).toBe(lineOf(index, 'prerequisites:'));
		expect(find(problems, 'content/alpha/01-pertama.md', 'Kolom "minutes"').line).toBe(lineOf(mod, 'minutes:'));
		expect(find(problems, 'content/alpha/ujian.md', 'Kolom "feedback"').line).toBe(lineOf(exam, 'feedback:'));
		expect(find(problems, 'content/alpha/ujian.md', 'Kolom "passMark"').line).toBe(lineOf(exam, 'passMark:'));
	});

	it('collects every problem instead of stopping at the first, sorted by file and line', () => {
		const mod = moduleMd({ id: 'alpha-pertama', qid: 'alpha-q1', answer: 'z', body: 'Lihat :term[APBD] dan [modul](./09-tidak-ada.md).' });
		const root = makeRepo({
			...validCourse(),
			'content/alpha/index.md': indexMd({ competency: 'XXX' }),
			'content/alpha/01-pertama.md': mod,
			'content/alpha/ujian.md': examMd({ draw: 9 })
		});
		const { problems } = load(root);
		expect(problems.map((p) => p.file)).toEqual([
			'content/alpha/01-pertama.md',
			'content/alpha/01-pertama.md',
			'content/alpha/01-pertama.md',
			'content/alpha/index.md',
			'content/alpha/ujian.md'
		]);
		const lines = problems.slice(0, 3).map((p) => p.line);
		expect([...lines].sort((a, b) => a - b)).toEqual(lines);
	});
});

describe('loadContent: the real content/ folder', () => {
	it('has no problems', () => {
		const { courses, problems } = loadContent(path.join(REPO_ROOT, 'content'));
		expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
		expect(courses.length).toBeGreaterThanOrEqual(3);
		for (const c of courses) {
			expect(c.modules.length).toBeGreaterThan(0);
			for (const m of c.modules) expect(m.questions.length).toBeGreaterThan(0);
		}
	});

	it('lists the same competency codes as content/README.md', () => {
		const readme = fs.readFileSync(path.join(REPO_ROOT, 'content/README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Competency codes'));
		const codes = [...section.matchAll(/^\| ([A-Z]+-[A-Z]+) \|/gm)].map((m) => m[1]);
		expect([...COMPETENCY_CODES]).toEqual(codes);
	});
});

// ---------------------------------------------------------------------------------------------

describe('parseQuestionsFromMarkdown', () => {
	const FILE = 'content/x/01-y.md';

	function parse(yaml: string, lineOffset = 0, file = FILE) {
		return parseQuestionsFromMarkdown(['Teks.', '', '```question', yaml, '```', ''].join('\n'), file, lineOffset);
	}

	it('reads ```` fences and offsets lines', () => {
		const md = ['Pengantar', '````question', 'id: q-tf', 'type: truefalse', 'prompt: Benar?', 'answer: true', 'explanation: Ya.', '````'].join('\n');
		const { questions, problems } = parseQuestionsFromMarkdown(md, FILE, 10);
		expect(problems).toEqual([]);
		expect(questions).toEqual([
			{ id: 'q-tf', type: 'truefalse', prompt: 'Benar?', answer: true, explanation: 'Ya.', points: 1, file: FILE, line: 12 }
		]);
	});

	it('reads every type with its defaults', () => {
		const blocks = [
			'id: q-multi\ntype: multiple\nprompt: Pilih.\noptions:\n  - { id: a, text: A }\n  - { id: b, text: B }\n  - { id: c, text: C }\nanswer: [a, c]\nexplanation: E.\npoints: 2',
			'id: q-short\ntype: short\nprompt: Nama?\nanswers: [Ombudsman, ORI]\nexplanation: E.',
			'id: q-num\ntype: numeric\nprompt: Berapa?\nanswer: 3.45\nexplanation: E.',
			'id: q-num-unit\ntype: numeric\nprompt: Berapa?\nanswer: 12\ntolerance: 0.5\nunit: hari kerja\nexplanation: E.',
			'id: q-match\ntype: matching\nprompt: Pasangkan.\npairs:\n  - { left: A, right: 1 }\n  - { left: B, right: 2 }\n  - { left: C, right: 3 }\nexplanation: E.',
			'id: q-order\ntype: ordering\nprompt: Urutkan.\nitems: [satu, dua, tiga]\nexplanation: E.'
		];
		const md = blocks.map((b) => `\`\`\`question\n${b}\n\`\`\``).join('\n\n');
		const { questions, problems } = parseQuestionsFromMarkdown(md, FILE);
		expect(problems).toEqual([]);
		expect(questions.map((q) => q.type)).toEqual(['multiple', 'short', 'numeric', 'numeric', 'matching', 'ordering']);
		expect(questions[0]).toMatchObject({ answer: ['a', 'c'], points: 2 });
		expect(questions[1]).toMatchObject({ answers: ['Ombudsman', 'ORI'] });
		expect(questions[2]).toMatchObject({ answer: 3.45, tolerance: 0, unit: null, points: 1 });
		expect(questions[3]).toMatchObject({ answer: 12, tolerance: 0.5, unit: 'hari kerja' });
		expect(questions[4]).toMatchObject({ pairs: [{ left: 'A', right: '1' }, { left: 'B', right: '2' }, { left: 'C', right: '3' }] });
		expect(questions[5]).toMatchObject({ items: ['satu', 'dua', 'tiga'] });
	});

	it('allows essays only in ujian.md', () => {
		const essay = 'id: q-essay\ntype: essay\nprompt: Uraikan.\nrubric: R.\nmaxPoints: 10\nexplanation: E.';
		expect(parse(essay, 0, 'content/x/ujian.md').problems).toEqual([]);
		expect(parse(essay).problems[0].message).toContain('hanya boleh ada di ujian.md');
	});

	const single = (lines: string[]) =>
		['id: q1', 'type: single', 'prompt: P?', 'options:', ...lines, 'answer: a', 'explanation: E.'].join('\n');

	// [case, YAML, text on the expected line, message fragment]
	const broken: Array<[string, string, string, string]> = [
		['unknown type', 'id: q1\ntype: pilihan\nprompt: P?\nexplanation: E.', 'type: pilihan', 'Jenis soal "pilihan" pada soal q1 tidak dikenal'],
		['missing prompt', 'id: q1\ntype: truefalse\nanswer: true\nexplanation: E.', '```question', 'Kolom "prompt" pada soal q1 wajib diisi'],
		['missing explanation', 'id: q1\ntype: truefalse\nprompt: P?\nanswer: true', '```question', 'Kolom "explanation" pada soal q1 wajib diisi'],
		['bad id', 'id: Soal Satu\ntype: truefalse\nprompt: P?\nanswer: true\nexplanation: E.', 'id: Soal Satu', 'tidak valid'],
		['one option', single(['  - { id: a, text: A }']), 'options:', 'jumlah pilihan harus 2 sampai 6'],
		['duplicate option id', single(['  - { id: a, text: A }', '  - { id: a, text: B }']), '{ id: a, text: B }', 'Id pilihan "a" dipakai lebih dari sekali'],
		['duplicate option text', single(['  - { id: a, text: Sama }', '  - { id: b, text: sama }']), '{ id: b, text: sama }', 'sama dengan pilihan "a"'],
		['single with a list', 'id: q1\ntype: single\nprompt: P?\noptions:\n  - { id: a, text: A }\n  - { id: b, text: B }\nanswer: [a, b]\nexplanation: E.', 'answer:', 'gunakan type: multiple'],
		['multiple empty', 'id: q1\ntype: multiple\nprompt: P?\noptions:\n  - { id: a, text: A }\n  - { id: b, text: B }\nanswer: []\nexplanation: E.', 'answer:', 'paling sedikit satu jawaban benar'],
		['multiple outside options', 'id: q1\ntype: multiple\nprompt: P?\noptions:\n  - { id: a, text: A }\n  - { id: b, text: B }\nanswer:\n  - a\n  - x\nexplanation: E.', '  - x', 'Jawaban "x" pada soal q1 tidak ada di antara pilihan (a, b)'],
		['truefalse as text', 'id: q1\ntype: truefalse\nprompt: P?\nanswer: benar\nexplanation: E.', 'answer: benar', 'harus true (benar) atau false (salah)'],
		['short with answer', 'id: q1\ntype: short\nprompt: P?\nanswer: Ombudsman\nexplanation: E.', 'answer: Ombudsman', 'memakai kolom "answers"'],
		['short empty list', 'id: q1\ntype: short\nprompt: P?\nanswers: []\nexplanation: E.', 'answers:', 'tidak boleh kosong'],
		['numeric as text', 'id: q1\ntype: numeric\nprompt: P?\nanswer: "3,05"\nexplanation: E.', 'answer:', 'harus berupa angka'],
		['negative tolerance', 'id: q1\ntype: numeric\nprompt: P?\nanswer: 3\ntolerance: -1\nexplanation: E.', 'tolerance:', 'Kolom "tolerance"'],
		['two pairs', 'id: q1\ntype: matching\nprompt: P?\npairs:\n  - { left: A, right: 1 }\n  - { left: B, right: 2 }\nexplanation: E.', 'pairs:', 'jumlah pasangan harus 3 sampai 6'],
		['duplicate right', 'id: q1\ntype: matching\nprompt: P?\npairs:\n  - { left: A, right: 1 }\n  - { left: B, right: 2 }\n  - { left: C, right: 2 }\nexplanation: E.', '{ left: C, right: 2 }', 'Sisi kanan "2" muncul lebih dari sekali'],
		['two items', 'id: q1\ntype: ordering\nprompt: P?\nitems: [satu, dua]\nexplanation: E.', 'items:', 'harus 3 sampai 7'],
		['duplicate item', 'id: q1\ntype: ordering\nprompt: P?\nitems:\n  - satu\n  - dua\n  - Satu\nexplanation: E.', '  - Satu', 'Butir "Satu" muncul lebih dari sekali'],
		['essay without rubric', 'id: q1\ntype: essay\nprompt: P?\nmaxPoints: 0\nexplanation: E.', 'maxPoints:', 'Kolom "maxPoints"'],
		['unknown field', 'id: q1\ntype: truefalse\nprompt: P?\nanswer: true\nexplanation: E.\nhint: Petunjuk.', 'hint:', 'Kolom "hint" tidak dikenal'],
		['not a map', '- satu\n- dua', '```question', 'harus berisi kolom YAML']
	];

	it.each(broken)('reports %s', (_, yaml, lineText, fragment) => {
		const md = ['Teks.', '', '```question', yaml, '```', ''].join('\n');
		const { questions, problems } = parseQuestionsFromMarkdown(md, FILE, 0, { allowEssay: true });
		expect(questions).toEqual([]);
		const hit = problems.find((p) => p.message.includes(fragment));
		expect(hit, problems.map((p) => `${p.line}: ${p.message}`).join('\n')).toBeDefined();
		expect(hit?.file).toBe(FILE);
		expect(hit?.line).toBe(lineOf(md, lineText));
	});

	it('reports an unclosed question block', () => {
		const { problems } = parseQuestionsFromMarkdown('Teks\n```question\nid: q1\ntype: truefalse\n', FILE, 4);
		expect(problems).toEqual([{ file: FILE, line: 6, message: expect.stringContaining('tidak ditutup') }]);
	});
});

// ---------------------------------------------------------------------------------------------

describe('toPublicQuestion', () => {
	const base = { prompt: 'Soal uji?', explanation: 'PENJELASAN-RAHASIA', points: 1, file: 'content/x/01-y.md', line: 1 };
	const questions: Question[] = [
		{ ...base, id: 'q-single', type: 'single', options: [{ id: 'a', text: 'Alfa' }, { id: 'b', text: 'Beta' }], answer: 'b' },
		{ ...base, id: 'q-multi', type: 'multiple', options: [{ id: 'a', text: 'Alfa' }, { id: 'b', text: 'Beta' }, { id: 'c', text: 'Gama' }], answer: ['a', 'c'] },
		{ ...base, id: 'q-tf', type: 'truefalse', answer: false },
		{ ...base, id: 'q-short', type: 'short', answers: ['JAWABAN-PENDEK-RAHASIA', 'VARIAN-RAHASIA'] },
		{ ...base, id: 'q-num', type: 'numeric', answer: 987.654, tolerance: 0.0321, unit: 'hari' },
		{ ...base, id: 'q-match', type: 'matching', pairs: [{ left: 'L1', right: 'R1' }, { left: 'L2', right: 'R2' }, { left: 'L3', right: 'R3' }, { left: 'L4', right: 'R4' }] },
		{ ...base, id: 'q-order', type: 'ordering', items: ['satu', 'dua', 'tiga', 'empat'] },
		{ ...base, id: 'q-essay', type: 'essay', rubric: 'RUBRIK-RAHASIA', maxPoints: 10, points: 10 }
	];

	it.each(questions.map((q) => [q.type, q] as const))('never leaks the key of a %s question', (_, q) => {
		const pub = toPublicQuestion(q, 'seed');
		const json = JSON.stringify(pub);
		for (const key of ['answer', 'answers', 'explanation', 'rubric', 'pairs', 'tolerance', 'file', 'line']) {
			expect(Object.keys(pub)).not.toContain(key);
		}
		for (const secret of ['PENJELASAN-RAHASIA', 'JAWABAN-PENDEK-RAHASIA', 'VARIAN-RAHASIA', '987.654', '0.0321', 'RUBRIK-RAHASIA']) {
			expect(json).not.toContain(secret);
		}
		expect(pub).toMatchObject({ id: q.id, type: q.type, prompt: q.prompt });
		if (q.type === 'truefalse') expect(Object.values(pub)).not.toContain(false);
	});

	it('keeps what the learner needs', () => {
		expect(toPublicQuestion(questions[0])).toEqual({ id: 'q-single', type: 'single', prompt: 'Soal uji?', options: [{ id: 'a', text: 'Alfa' }, { id: 'b', text: 'Beta' }] });
		expect(toPublicQuestion(questions[4])).toEqual({ id: 'q-num', type: 'numeric', prompt: 'Soal uji?', unit: 'hari' });
		expect(toPublicQuestion(questions[7])).toEqual({ id: 'q-essay', type: 'essay', prompt: 'Soal uji?', maxPoints: 10 });
	});

	it('keeps the lefts of a matching question in order and shuffles the rights by seed', () => {
		const q = questions[5];
		const seen = new Set<string>();
		for (let i = 0; i < 50; i++) {
			const pub = toPublicQuestion(q, `learner-${i}`);
			if (pub.type !== 'matching') throw new Error('type');
			expect(pub.left).toEqual(['L1', 'L2', 'L3', 'L4']);
			expect([...pub.right].sort()).toEqual(['R1', 'R2', 'R3', 'R4']);
			expect(pub.right).not.toEqual(['R1', 'R2', 'R3', 'R4']);
			expect(toPublicQuestion(q, `learner-${i}`)).toEqual(pub);
			seen.add(pub.right.join());
		}
		expect(seen.size).toBeGreaterThan(3);
	});

	it('never shows ordering items in the correct order, even with two items', () => {
		const q = questions[6] as Extract<Question, { type: 'ordering' }>;
		const two: Question = { ...base, id: 'q-two', type: 'ordering', items: ['pertama', 'kedua'] };
		for (let i = 0; i < 200; i++) {
			const pub = toPublicQuestion(q, `s${i}`);
			if (pub.type !== 'ordering') throw new Error('type');
			expect(pub.items).not.toEqual(q.items);
			expect([...pub.items].sort()).toEqual([...q.items].sort());
			const pubTwo = toPublicQuestion(two, `s${i}`);
			if (pubTwo.type !== 'ordering') throw new Error('type');
			expect(pubTwo.items).toEqual(['kedua', 'pertama']);
		}
		expect(toPublicQuestion(q)).toEqual(toPublicQuestion(q, q.id));
	});
});

describe('slugify and parseLearnerNumber (re-exported)', () => {
	it('makes ASCII anchors from Indonesian headings', () => {
		expect(slugify('Tahap 2: Perencanaan & Anggaran')).toBe('tahap-2-perencanaan-anggaran');
		expect(slugify('  Rapat Koordinasi Pemangku Kepentingan  ')).toBe('rapat-koordinasi-pemangku-kepentingan');
		expect(slugify('Pelayanan Publik — Café Ké-2 (UU 25/2009)')).toBe('pelayanan-publik-cafe-ke-2-uu-25-2009');
		expect(slugify('!!!')).toBe('');
	});

	it('parses decimal commas', () => {
		expect(parseLearnerNumber('3,05')).toBe(3.05);
		expect(parseLearnerNumber('1.234,5')).toBe(1234.5);
	});
});
