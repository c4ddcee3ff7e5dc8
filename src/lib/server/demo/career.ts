// Demo data of the career area, added to the Medan demo organisation (see seed.ts).
import type { DemoContext } from './context';

export async function seedCareerDemo(ctx: DemoContext): Promise<void> {
	void ctx;
}
