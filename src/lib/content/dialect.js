// The Bina ASN Markdown dialect, turned into what mdsvex compiles: callout directives become
// <aside>, ```question blocks become <PracticeQuestion id="…"/> (the question's text and key
// stay on the server), :term[...] links to the module's glossary, ::download links to a file,
// links to sibling modules point at their pages, and headings get stable anchors.
// Plain JavaScript: svelte.config.js imports it.
import fs from 'node:fs';
import path from 'node:path';

/** @type {Record<string, string>} */
const CALLOUT_TITLES = {
	tip: 'Tips',
	warning: 'Perhatian',
	example: 'Contoh',
	regulation: 'Regulasi',
	worked: 'Contoh penyelesaian'
};

/** @param {string} text */
export function slugify(text) {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/<[^>]+>/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
}

/** @param {string} s */
function escapeHtml(s) {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Svelte reads { } as expressions: escape them in prose, but not inside inline code.
 * @param {string} line
 */
function escapeBraces(line) {
	return line
		.split(/(`+[^`]*`+)/)
		.map((/** @type {string} */ part, /** @type {number} */ i) => (i % 2 === 1 ? part : part.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;')))
		.join('');
}

/** @param {string} dir @param {string} file */
function moduleIdOf(dir, file) {
	try {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		return /^id:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1] ?? null;
	} catch {
		return null;
	}
}

/** @param {string} dir */
function courseIdOf(dir) {
	return moduleIdOf(dir, 'index.md');
}

/**
 * @param {string} source the .md file
 * @param {string} filename its absolute path
 * @returns {string}
 */
export function transformDialect(source, filename) {
	const dir = path.dirname(filename);
	const courseId = courseIdOf(dir) ?? path.basename(dir);
	const lines = source.split('\n');
	/** @type {string[]} */
	const out = [];
	let i = 0;
	// Frontmatter passes through untouched; mdsvex reads it.
	if (lines[0]?.trim() === '---') {
		const end = lines.indexOf('---', 1);
		if (end > 0) {
			out.push(...lines.slice(0, end + 1));
			i = end + 1;
		}
	}
	out.push('', '<script>', "\timport PracticeQuestion from '$lib/components/course/PracticeQuestion.svelte';", '</script>', '');
	/** @type {{ marker: string, question: boolean, body: string[] } | null} */
	let fence = null;
	let inTable = false;
	for (; i < lines.length; i++) {
		const line = lines[i];
		// Wide tables scroll sideways on a phone; the scroll box must be reachable by keyboard.
		const tableLine = !fence && /^\s*\|/.test(line);
		if (tableLine && !inTable) {
			const caption = line.split('|').map((c) => c.trim()).filter(Boolean).slice(0, 3).join(', ');
			out.push('', `<div class="table-scroll" tabindex="0" role="region" aria-label="Tabel: ${escapeHtml(caption.replace(/[*_`]/g, ''))}">`, '');
			inTable = true;
		} else if (!tableLine && inTable) {
			out.push('', '</div>', '');
			inTable = false;
		}
		const fenceMatch = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
		if (fence) {
			if (fenceMatch && fenceMatch[2].startsWith(fence.marker) && line.trim() === fenceMatch[2]) {
				if (fence.question) {
					const id = /^id:\s*["']?([\w.-]+)/m.exec(fence.body.join('\n'))?.[1] ?? '';
					out.push('', `<PracticeQuestion id="${escapeHtml(id)}" />`, '');
				} else {
					out.push(line);
				}
				fence = null;
			} else if (fence.question) {
				fence.body.push(line);
			} else {
				out.push(line);
			}
			continue;
		}
		if (fenceMatch) {
			fence = { marker: fenceMatch[2], question: fenceMatch[3] === 'question', body: [] };
			if (!fence.question) out.push(line);
			continue;
		}
		const open = /^:::\s*([a-z]+)(?:\[(.*)\])?\s*$/.exec(line);
		if (open) {
			const kind = open[1];
			const title = open[2] ?? CALLOUT_TITLES[kind] ?? kind;
			out.push('', `<aside class="callout callout-${kind}">`, `<p class="callout-title">${escapeHtml(title)}</p>`, '');
			continue;
		}
		if (/^:::\s*$/.test(line)) {
			out.push('', '</aside>', '');
			continue;
		}
		const download = /^::download\[(.+?)\]\{href="([^"]+)"\}\s*$/.exec(line);
		if (download) {
			out.push('', `<p class="download"><a href="${escapeHtml(download[2])}" download>${escapeHtml(download[1])}</a></p>`, '');
			continue;
		}
		const heading = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) {
			const depth = heading[1].length;
			const text = heading[2].replace(/:term\[([^\]]+)\]/g, '$1');
			out.push(`<h${depth} id="${slugify(text)}">${escapeBraces(escapeHtml(text.replace(/\*\*|__|`/g, '')))}</h${depth}>`);
			continue;
		}
		let rewritten = line
			.replace(/:term\[([^\]]+)\]/g, (_, term) => `<a class="term" href="#istilah-${slugify(term)}">${escapeHtml(term)}</a>`)
			.replace(/\]\(\.\/(\d+-[a-z0-9-]+)\.md(#[\w-]+)?\)/g, (whole, file, hash) => {
				const id = moduleIdOf(dir, `${file}.md`);
				return id ? `](/courses/${courseId}/${id}${hash ?? ''})` : whole;
			});
		rewritten = escapeBraces(rewritten);
		out.push(rewritten);
	}
	if (inTable) out.push('', '</div>', '');
	return out.join('\n');
}

/**
 * A Svelte preprocessor that applies the dialect to course files only (content/**.md), before
 * mdsvex compiles them.
 * @param {{ contentDir: string }} options
 */
export function binaDialect({ contentDir }) {
	const root = path.resolve(contentDir) + path.sep;
	return {
		name: 'bina-dialect',
		/** @param {{ content: string, filename?: string }} input */
		markup({ content, filename }) {
			if (!filename || !filename.endsWith('.md') || !path.resolve(filename).startsWith(root)) return;
			const base = path.basename(filename);
			// Modules and the course description are compiled; ujian.md never is (its answers stay on the server).
			if (!/^\d+-/.test(base) && base !== 'index.md') return;
			return { code: transformDialect(content, filename) };
		}
	};
}
