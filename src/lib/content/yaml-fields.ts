// YAML with line numbers and the readers of its fields, for the course loader (./load.ts): every
// problem is reported in Indonesian with the file line of the value it is about. Relative imports
// only: the loader is also imported by vite.config.ts and by scripts/content-check.ts (tsx).
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { ContentProblem } from './types';
import { ID_PATTERN } from './format';

// ---------------------------------------------------------------------------------------------
// Small utilities

export type Path = ReadonlyArray<string | number>;

export function splitLines(text: string): string[] {
	return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value shown inside a message. */
export function show(v: unknown): string {
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
export function asText(v: unknown): string | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

export function list(values: readonly string[]): string {
	return values.join(', ');
}

// ---------------------------------------------------------------------------------------------
// YAML with line numbers

/** Finds the file line of a value in a YAML document by its path. */
export class Locator {
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

export interface ParsedYaml {
	/** The parsed value, or undefined when the YAML has syntax errors. */
	data: unknown;
	loc: Locator;
	ok: boolean;
}

export function parseYaml(
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
export interface Fields {
	file: string;
	data: Record<string, unknown>;
	loc: Locator;
	problems: ContentProblem[];
	/** Completes "Kolom "x" ...", e.g. "di frontmatter modul" or "pada soal mpp-q1". */
	where: string;
	/** Path of `data` inside the YAML document, when it is a nested map. */
	prefix?: Path;
}

export function report(f: Fields, at: Path, message: string): void {
	f.problems.push({ file: f.file, line: f.loc.line([...(f.prefix ?? []), ...at]), message });
}

export function unknownKeys(f: Fields, allowed: readonly string[], what: string): void {
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

export function text(f: Fields, key: string, required = true): string | undefined {
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

export function id(f: Fields, key = 'id'): string | undefined {
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

export interface NumberRule {
	/** Describes the rule, completing "harus ...". */
	rule: string;
	ok: (n: number) => boolean;
	nullable?: boolean;
}

export const POSITIVE: NumberRule = { rule: 'berupa angka lebih dari 0', ok: (n) => n > 0 };
export const POSITIVE_INT: NumberRule = {
	rule: 'berupa bilangan bulat lebih dari 0',
	ok: (n) => Number.isInteger(n) && n > 0
};
export const PERCENT: NumberRule = { rule: 'berupa angka 1 sampai 100', ok: (n) => n >= 1 && n <= 100 };

/** A number per `rule`; null only when the rule allows it and the value is null. */
export function number(f: Fields, key: string, rule: NumberRule, required = true): number | null | undefined {
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

export function boolean(f: Fields, key: string): boolean | undefined {
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

export function oneOf<T extends string>(f: Fields, key: string, allowed: readonly T[]): T | undefined {
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
export function textList(f: Fields, key: string, opts: { required: boolean; nonEmpty: boolean; example: string }): string[] | undefined {
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

export function glossary(f: Fields, key = 'glossary'): Record<string, string> {
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
