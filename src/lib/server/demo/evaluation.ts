// Demo data of the evaluation area, added to the Medan demo organisation (see seed.ts).
import type { DemoContext } from './context';

export async function seedEvaluationDemo(ctx: DemoContext): Promise<void> {
	void ctx;
}
