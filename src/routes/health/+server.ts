import { sql } from 'kysely';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: answers 200 when the database answers. */
export const GET: RequestHandler = async () => {
	await sql`select 1`.execute(db());
	return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
};
