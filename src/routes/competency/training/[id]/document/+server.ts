import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { asHttpError } from '$lib/server/access';
import { optionalId } from '$lib/server/form';
import { trainingDocument } from '$lib/server/career/external-training.service';
import type { RequestHandler } from './$types';

/** The document of an external training: for its owner, the owner's direct supervisor, and admins. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const id = optionalId(params.id);
	if (id === null) error(404, m.err_not_found());
	const doc = await trainingDocument(db(), locals.user, id).catch((e) => asHttpError(e, m.err_forbidden()));
	const name = doc.name.replace(/"/g, '');
	return new Response(new Uint8Array(doc.document), {
		headers: {
			'content-type': doc.type,
			'content-disposition': `inline; filename="${name}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
