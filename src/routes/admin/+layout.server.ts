import { requireAreaRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	requireAreaRole(locals, 'admin');
	return {};
};
