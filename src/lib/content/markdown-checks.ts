// Checks of Markdown bodies (module, exam and index.md bodies): headings and their anchors, container
// and leaf directives, :term[] against the glossary, links, downloads, images and the word count.
// Relative imports only: the loader is also imported by vite.config.ts and by
// scripts/content-check.ts (tsx).
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem, Heading } from './types';
import { CONTAINER_DIRECTIVES } from './format';
import { isQuestionFence, scanFences } from './questions';
import type { Fence } from './questions';
import { list } from './yaml-fields';

// ---------------------------------------------------------------------------------------------
// Heading anchors

// Heading anchors: the renderer (dialect.js) sets them, so the checks use its very function.
import { slugify } from './dialect.js';
export { slugify };

// ---------------------------------------------------------------------------------------------
// Markdown bodies: headings, directives, terms, links, images, words

export interface BodyContext {
	file: string;
	absFile: string;
	/** Terms defined for this file (course glossary plus module glossary). */
	terms: ReadonlySet<string>;
	staticDir: string;
	problems: ContentProblem[];
}

export interface BodyReport {
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

export function isFile(abs: string): boolean {
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
export function checkBody(ctx: BodyContext, lines: readonly string[], from: number): BodyReport {
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
