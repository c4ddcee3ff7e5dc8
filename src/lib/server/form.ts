/** Reads a text field from a submitted form; a missing or non-text field reads as ''. */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}

/** A positive integer id from a form or URL value, or null. */
export function optionalId(value: string | null | undefined): number | null {
	if (!value) return null;
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : null;
}

/** Page number from ?page=, at least 1. */
export function pageNumber(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? '1');
	return Number.isInteger(n) && n > 0 ? Math.min(n, 100_000) : 1;
}

/**
 * A calendar date YYYY-MM-DD that exists: the round trip through Date refuses 2026-02-31, which
 * JavaScript would roll over and PostgreSQL would reject with an error.
 */
export function validDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
