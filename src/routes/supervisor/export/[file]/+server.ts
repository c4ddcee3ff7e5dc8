// Downloads of the team overview and the team's certificates (CSV, XLSX): a non-browser client's
// endpoint, so a +server.ts. The same selection as the page (?unit=&cert=&…); the service checks
// the supervisor's reach and answers 403 for a unit outside it.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { requireAreaRole } from '$lib/server/guard';
import { teamExport, type ExportFormat, type ExportKind } from '$lib/server/supervision/export';
import { teamFilterFrom } from '$lib/server/supervision/query';
import type { RequestHandler } from './$types';

const FILES: Record<string, ExportKind> = { 'ikhtisar-tim': 'team', 'daftar-sertifikat': 'certificates' };

export const GET: RequestHandler = async ({ params, url, locals }) => {
	// Endpoints run no layout: the area's role is checked here (the service then checks the reach).
	requireAreaRole(locals, 'supervisor');
	const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(params.file);
	const kind = match ? FILES[match[1]] : undefined;
	if (!match || !kind) error(404, m.err_not_found());
	const { unitCode, filter } = teamFilterFrom(url);
	const file = await teamExport(db(), locals.user, { kind, format: match[2] as ExportFormat, unitCode, filter }).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!file) error(404, m.err_not_found());
	return new Response(new Uint8Array(file.body), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${file.filename}"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
