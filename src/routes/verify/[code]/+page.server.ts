import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { hitRateLimit } from '$lib/server/rate-limit';
import { verifyCertificate } from '$lib/server/certification/certification.service';
import type { PageServerLoad } from './$types';

// Codes carry 80 random bits; the limit keeps anyone from trying them in bulk all the same.
const LIMIT = 60;
const WINDOW_MS = 10 * 60_000;

export const load: PageServerLoad = async ({ params, getClientAddress, setHeaders }) => {
	const limit = await hitRateLimit(db(), `verify:${getClientAddress()}`, LIMIT, WINDOW_MS);
	if (!limit.allowed) error(429, m.verify_rate_limited());
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const result = await verifyCertificate(db(), params.code);
	return { code: params.code.toUpperCase(), result };
};
