import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
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

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = localeFrom(event.cookies.get(cookieName));
	event.locals.locale = locale;
	const transformPageChunk = langAttribute(locale);
	return transformPageChunk ? resolve(event, { transformPageChunk }) : resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.unreadNotifications = 0;
	const token = sessionToken(event.cookies);
	if (token) {
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
	return resolve(event);
};

/**
 * The audience guard. A signed-out visitor is sent to sign in and back. A person without the
 * area's role gets 403: pages render it from the area layout (so it has the app's navigation),
 * every other kind of request (form actions, endpoints) is refused here before it runs.
 */
const handleGuard: Handle = async ({ event, resolve }) => {
	const access = accessFor(event.url.pathname, event.locals.user?.roles ?? null);
	if (access === 'sign-in') {
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') error(401, m.err_signed_out());
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (access === 'forbidden') {
		const isPageView = (event.request.method === 'GET' || event.request.method === 'HEAD') && !event.isDataRequest;
		if (!isPageView && !event.isDataRequest) error(403, m.err_forbidden());
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
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
};

export const handle = sequence(handleHeaders, handleLocale, handleSession, handleGuard);

export const handleError: HandleServerError = ({ error: e, event, status }) => {
	if (status !== 404) console.error(`[bina] ${event.request.method} ${event.url.pathname}`, e);
	return { message: status === 404 ? m.err_not_found() : m.err_unexpected() };
};
