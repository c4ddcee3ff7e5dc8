import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { translate } from '$lib/server/i18n';
import type { ImportResult } from '$lib/server/org/people-import';

/**
 * The form action behind every CSV import page (people, position requirements, service indicators):
 * reads the uploaded `file`, refuses an empty or too large one, hands its text to the page's own
 * import service (which checks access and is all-or-nothing) and answers `fail(400, …)` naming every
 * bad row with its line number, translated, or `{ imported, fileName }`.
 */
export async function importUploadedCsv(request: Request, maxMb: number, run: (csvText: string) => Promise<ImportResult>) {
	const form = await request.formData();
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return fail(400, { message: m.import_no_file(), problems: [] });
	if (file.size > maxMb * 1024 * 1024) return fail(400, { message: m.import_too_large({ mb: maxMb }), problems: [] });
	const result = await run(await file.text());
	if (!result.ok) {
		return fail(400, {
			message: m.import_failed({ count: result.problems.length }),
			fileName: file.name,
			problems: result.problems.map((p) => ({ line: p.line, text: translate(p.code, { value: p.value ?? '', otherLine: p.otherLine ?? '' }) }))
		});
	}
	return { imported: result.imported, fileName: file.name };
}
