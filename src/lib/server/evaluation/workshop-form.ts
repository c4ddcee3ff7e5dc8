// The session form as posted, read the same way by the scheduling and the edit actions.
import { text } from '../form';
import type { WorkshopValues } from './workshop.service';

const FIELDS = ['title', 'description', 'courseId', 'competencyCode', 'competencyLevel', 'place', 'onlineUrl', 'startsAt', 'endsAt', 'capacity', 'jp', 'partners'] as const satisfies readonly (keyof WorkshopValues)[];

/** Every field as text; the two multi-line fields keep their inner line breaks. */
export function workshopValuesFrom(form: FormData): WorkshopValues {
	return Object.fromEntries(FIELDS.map((f) => [f, f === 'description' || f === 'partners' ? String(form.get(f) ?? '').trim() : text(form, f)])) as unknown as WorkshopValues;
}
