import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { pageNumber, text } from '$lib/server/form';
import { listCertificatesForAdmin, revokeCertificate } from '$lib/server/certification/certification.service';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q')?.trim() ?? '';
	const page = pageNumber(url);
	const certificates = await listCertificatesForAdmin(db(), locals.user!, { q, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
	return { q, certificates, page, pageSize: PAGE_SIZE };
};

export const actions: Actions = {
	revoke: async ({ locals, request }) => {
		const form = await request.formData();
		const code = text(form, 'code');
		const reason = text(form, 'reason');
		const result = await revokeCertificate(db(), locals.user!, code, reason);
		if (!result.ok) return fail(400, { code, reason, message: result.code === 'reason_required' ? m.revoke_reason_required() : m.err_not_found() });
		return { revoked: code };
	}
};
