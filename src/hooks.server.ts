import { error, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { accessFor } from '$lib/auth/roles';
import { readConfig } from '$lib/server/config';
import { closeDatabase, db, initDatabase } from '$lib/server/db';
import { validateSessionToken } from '$lib/server/auth/auth.service';
import { clearSessionCookie, setSessionCookie, sessionToken } from '$lib/server/auth/cookies';
import { seedDemoIfEmpty } from '$lib/server/demo/seed';
import { contentIndex } from '$lib/server/catalog/content-index';
import { syncCatalog } from '$lib/server/catalog/catalog.sync';
import { startQueue, type JobQueue } from '$lib/server/jobs/queue';
import { supervisionJobs } from '$lib/server/supervision/jobs';
import { evaluationJobs } from '$lib/server/evaluation/jobs';
import { createMailer } from '$lib/server/notify/mailer';
import { setMailEnabled } from '$lib/server/notify/mail-setting';
import { langAttribute, localeFrom, useRequestLocale } from '$lib/server/locale';

useRequestLocale();

export const init: ServerInit = async () => {
	const config = readConfig();
	const handle = await initDatabase(config);
	const sync = await syncCatalog(handle.db, contentIndex().courses);
	if (sync.created.length || sync.newVersions.length) console.log(`[bina] courses: ${sync.created.length} new, ${sync.newVersions.length} new version(s)`);
	if (config.demoData) await seedDemoIfEmpty(handle.db);
	console.log(`[bina] database ready (${handle.engine}${handle.engine === 'pglite' ? `, ${config.dataDir}` : ''})`);
	setMailEnabled(!!config.smtp);
	let queue: JobQueue | null = null;
	if (config.jobs) {
		const mail = config.smtp
			? { transport: createMailer({ smtpUrl: config.smtp.url, from: config.smtp.from, publicOrigin: config.publicOrigin }), settings: { smtpUrl: config.smtp.url, from: config.smtp.from, publicOrigin: config.publicOrigin } }
			: null;
		queue = await startQueue({ handle, databaseUrl: config.databaseUrl, definitions: [...supervisionJobs(mail), ...evaluationJobs] });
		console.log(`[bina] job queue started (e-mail ${config.smtp ? 'via SMTP' : 'off: in-app notifications only'})`);
	}
	// The queue stops before the database closes; PGlite must be closed or the server never exits.
	process.once('sveltekit:shutdown', () => {
		void (async () => {
			await queue?.stop().catch((e: Error) => console.error(`[jobs] stop: ${e.message}`));
			await closeDatabase();
		})();
	});
};

/** The language: the cookie, else Indonesian. Returns the rewrite of `<html lang>` for other languages. */
function readLocale(event: RequestEvent) {
	const locale = localeFrom(event.cookies.get(cookieName));
	event.locals.locale = locale;
	return langAttribute(locale);
}

/** Who is asking: the session cookie checked against the session table (sliding expiry). */
async function readSession(event: RequestEvent) {
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.unreadNotifications = 0;
	const token = sessionToken(event.cookies);
	if (!token) return;
	const session = await validateSessionToken(db(), token);
	if (session) {
		event.locals.user = session.user;
		event.locals.sessionId = session.sessionId;
		event.locals.unreadNotifications = session.unread;
		if (session.renewed) setSessionCookie(event, token, session.expiresAt);
	} else {
		clearSessionCookie(event);
	}
}

/**
 * The audience guard. A signed-out visitor is sent to sign in and back. A person without the
 * area's role gets 403: pages render it from the area layout (so it has the app's navigation),
 * every other kind of request (form actions, endpoints) is refused here before it runs.
 */
function guard(event: RequestEvent) {
	const access = accessFor(event.url.pathname, event.locals.user?.roles ?? null);
	if (access === 'sign-in') {
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') error(401, m.err_signed_out());
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (access === 'forbidden') {
		const isPageView = (event.request.method === 'GET' || event.request.method === 'HEAD') && !event.isDataRequest;
		if (!isPageView && !event.isDataRequest) error(403, m.err_forbidden());
	}
}

function securityHeaders(event: RequestEvent, response: Response) {
	const h = response.headers;
	h.set('X-Frame-Options', 'DENY');
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// Pages of a signed-in person must not be kept by shared caches.
	if (event.locals.user && !h.has('Cache-Control')) h.set('Cache-Control', 'private, no-store');
	return response;
}

/**
 * One handle in four steps, in this order: language, session, guard, then the response with its
 * security headers. Written as one function rather than `sequence()` of four: each sequenced
 * handle copies the event and enters the request store again, and on every request that was a
 * measurable share of the time and of what the garbage collector had to copy (README,
 * "Performance").
 */
export const handle: Handle = async ({ event, resolve }) => {
	const transformPageChunk = readLocale(event);
	await readSession(event);
	guard(event);
	return securityHeaders(event, await (transformPageChunk ? resolve(event, { transformPageChunk }) : resolve(event)));
};

export const handleError: HandleServerError = ({ error: e, event, status }) => {
	if (status !== 404) console.error(`[bina] ${event.request.method} ${event.url.pathname}`, e);
	return { message: status === 404 ? m.err_not_found() : m.err_unexpected() };
};
