// What a learner who knows the material would answer: built from the answer key, for tests only.
import type { Question } from '../../src/lib/content/types';

export function correctResponse(q: Question): unknown {
	switch (q.type) {
		case 'single':
		case 'truefalse':
		case 'numeric':
			return q.answer;
		case 'multiple':
			return [...q.answer];
		case 'short':
			return q.answers[0];
		case 'matching':
			return Object.fromEntries(q.pairs.map((p) => [p.left, p.right]));
		case 'ordering':
			return [...q.items];
		case 'essay':
			return 'Uraian: langkah-langkah, alasan, dan contoh penerapan di unit layanan.';
	}
}
