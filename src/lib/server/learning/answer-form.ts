// Reads a submitted answer form into the response shape grade.ts expects, per question type.
// Shared by practice questions and exams so both read forms the same way.
import type { Question } from '../../content/types';

export function readAnswerForm(q: Question, form: FormData): unknown {
	const one = () => {
		const v = form.get('answer');
		return typeof v === 'string' ? v.trim() : '';
	};
	switch (q.type) {
		case 'single':
		case 'short':
		case 'numeric':
		case 'essay':
			return one() || null;
		case 'truefalse':
			return one() === 'true' ? true : one() === 'false' ? false : null;
		case 'multiple': {
			const picked = form.getAll('answer').filter((v): v is string => typeof v === 'string');
			return picked.length ? picked : null;
		}
		case 'matching': {
			const lefts = q.pairs.map((p) => p.left);
			const out: Record<string, string> = {};
			lefts.forEach((left, i) => {
				const v = form.get(`match-${i}`);
				if (typeof v === 'string' && v) out[left] = v;
			});
			return Object.keys(out).length ? out : null;
		}
		case 'ordering': {
			// Items are shown in a shuffled order; each gets a position. The order is rebuilt here.
			const shown = form.getAll('item').filter((v): v is string => typeof v === 'string');
			const items = shown.length ? shown : q.items;
			if (items.length !== q.items.length || !items.every((i) => q.items.includes(i))) return null;
			const placed = items.map((item, i) => ({ item, pos: Number(form.get(`pos-${i}`)) }));
			if (placed.some((p) => !Number.isInteger(p.pos) || p.pos < 1)) return null;
			return placed.sort((a, b) => a.pos - b.pos).map((p) => p.item);
		}
	}
}

/** One form holding several questions: fields are named `<questionId>::<field>`. */
export function readAnswersForm(questions: Question[], form: FormData): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const q of questions) {
		const prefix = `${q.id}::`;
		const sub = new FormData();
		for (const [key, value] of form.entries()) if (key.startsWith(prefix)) sub.append(key.slice(prefix.length), value);
		out[q.id] = readAnswerForm(q, sub);
	}
	return out;
}
