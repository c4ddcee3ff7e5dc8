import { moduleComponent } from '$lib/content/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({ ...data, content: await moduleComponent(data.file) });
