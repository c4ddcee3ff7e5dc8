import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import { translate } from '$lib/server/i18n';
import { importRequirements } from '$lib/server/competency/requirements-import';
import type { Actions } from './$types';

const MAX_BYTES = 5 * 1024 * 1024;

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: m.import_no_file(), problems: [] });
		if (file.size > MAX_BYTES) return fail(400, { message: m.import_too_large({ mb: 5 }), problems: [] });
		const result = await importRequirements(db(), locals.user, await file.text());
		if (!result.ok) {
			return fail(400, {
				message: m.import_failed({ count: result.problems.length }),
				fileName: file.name,
				problems: result.problems.map((p) => ({ line: p.line, text: translate(p.code, { value: p.value ?? '', otherLine: p.otherLine ?? '' }) }))
			});
		}
		return { imported: result.imported, fileName: file.name };
	}
};
