// npm run content:check: check every course in content/ (format in content/README.md). Prints each
// problem as `content/<course>/<file>.md:<line>: <message>` and exits 1, or a one-line summary per
// course and exits 0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/lib/content/load';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { courses, problems } = loadContent(path.join(repoRoot, 'content'), { repoRoot });

if (problems.length > 0) {
	for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
	const files = new Set(problems.map((p) => p.file)).size;
	console.error(`\n${problems.length} masalah di ${files} berkas. Perbaiki lalu jalankan lagi npm run content:check.`);
	process.exitCode = 1;
} else {
	for (const c of courses) {
		const practice = c.modules.reduce((n, m) => n + m.questions.length, 0);
		const words = c.modules.reduce((n, m) => n + m.wordCount, 0);
		const exam = c.exam ? `ujian ${c.exam.pool.length} soal (undi ${c.exam.draw})` : 'tanpa ujian';
		console.log(
			`${c.dir}: ${c.modules.length} modul, ${practice} soal latihan, ${exam}, ${words.toLocaleString('id-ID')} kata`
		);
	}
	console.log(`${courses.length} kursus, tanpa masalah.`);
}
