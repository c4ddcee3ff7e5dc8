import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { asHttpError } from '$lib/server/access';
import { certificateForDownload } from '$lib/server/certification/certification.service';
import { renderCertificatePdf } from '$lib/server/certification/certificate-pdf';
import type { RequestHandler } from './$types';

/** The certificate as a PDF: for its holder, a supervisor over the holder's unit, or an admin. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const match = /^(BINA(?:-[A-Z2-7]{4}){4})\.pdf$/.exec(params.file);
	if (!match) error(404, m.err_not_found());
	const cert = await certificateForDownload(db(), locals.user!, match[1]).catch((e) => asHttpError(e, m.err_forbidden()));
	if (!cert) error(404, m.err_not_found());
	const [unit, version] = await Promise.all([
		db().selectFrom('person as p').leftJoin('org_unit as u', 'u.id', 'p.unit_id').select('u.name').where('p.id', '=', cert.person_id).executeTakeFirst(),
		db().selectFrom('course_version').select('hash').where('id', '=', cert.course_version_id).executeTakeFirstOrThrow()
	]);
	const origin = readConfig().publicOrigin ?? url.origin;
	const pdf = await renderCertificatePdf({
		holderName: cert.holder_name,
		nip: cert.holder_nip,
		unitName: unit?.name ?? null,
		courseTitle: cert.course_title,
		courseVersion: `versi ${version.hash.slice(0, 8)}`,
		jp: Number(cert.jp),
		competencies: (cert.competencies as Array<{ name: string; level: number }>).map((c) => ({ name: c.name, level: c.level })),
		issuedAt: new Date(cert.issued_at),
		expiresAt: cert.expires_at ? new Date(cert.expires_at) : null,
		code: cert.code,
		verifyUrl: `${origin}/verify/${cert.code}`,
		issuer: 'BKPSDM Kota Medan',
		score: cert.score_percent === null ? null : Number(cert.score_percent)
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="sertifikat-${cert.code}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
