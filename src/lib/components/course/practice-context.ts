import { getContext, setContext } from 'svelte';
import type { PublicQuestion } from '$lib/content/types';

export interface PracticeAnswer {
	response: unknown;
	correct: boolean;
	explanation: string;
	tries: number;
}

export interface PracticeContext {
	questions: Record<string, PublicQuestion>;
	answers: Record<string, PracticeAnswer>;
	/** The last refusal from the server, e.g. an empty answer. */
	error: { questionId: string; message: string } | null;
	enrolled: boolean;
}

const KEY = Symbol('practice');

export function setPracticeContext(get: () => PracticeContext) {
	setContext(KEY, get);
}

export function getPracticeContext(): () => PracticeContext {
	return getContext(KEY);
}
