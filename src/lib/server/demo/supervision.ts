// Demo data of the supervision area, added to the Medan demo organisation (see seed.ts).
import type { DemoContext } from './context';

export async function seedSupervisionDemo(ctx: DemoContext): Promise<void> {
	void ctx;
}
