// The reporting period from ?dari=&sampai= (service dates), defaulting to the last 12 months.
import { localDate } from '../career/local-date';
import type { Period } from './survey.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function periodFromUrl(url: URL, now = new Date()): Period {
	const today = localDate(now);
	const [y, m] = today.split('-').map(Number);
	const start = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
	let from = url.searchParams.get('dari') ?? '';
	let to = url.searchParams.get('sampai') ?? '';
	if (!DATE.test(from)) from = start;
	if (!DATE.test(to)) to = today;
	if (to < from) [from, to] = [to, from];
	return { from, to };
}
