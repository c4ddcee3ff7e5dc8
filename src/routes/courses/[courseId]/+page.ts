import { descriptionComponent } from '$lib/content/components';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({ ...data, description: await descriptionComponent(data.course.slug) });
