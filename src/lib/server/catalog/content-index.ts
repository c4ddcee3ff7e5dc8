// The courses of content/, loaded once per process. Holds the answer keys, so it is server-only.
import path from 'node:path';
import { loadContent } from '../../content/load';
import type { Course, Module, Question } from '../../content/types';

export interface ContentIndex {
	courses: Course[];
	course(id: string): Course | undefined;
	module(courseId: string, moduleId: string): Module | undefined;
	question(courseId: string, questionId: string): Question | undefined;
}

export class ContentError extends Error {}

let index: ContentIndex | null = null;

export function buildIndex(courses: Course[]): ContentIndex {
	const byId = new Map(courses.map((c) => [c.id, c]));
	const questions = new Map<string, Question>();
	for (const c of courses) {
		for (const m of c.modules) for (const q of m.questions) questions.set(`${c.id}/${q.id}`, q);
		for (const q of c.exam?.pool ?? []) questions.set(`${c.id}/${q.id}`, q);
	}
	return {
		courses,
		course: (id) => byId.get(id),
		module: (courseId, moduleId) => byId.get(courseId)?.modules.find((m) => m.id === moduleId),
		question: (courseId, questionId) => questions.get(`${courseId}/${questionId}`)
	};
}

/** Loads content/ (CONTENT_DIR in tests); a broken course stops the server with its file and line. */
export function contentIndex(dir = process.env.CONTENT_DIR ?? 'content'): ContentIndex {
	if (index) return index;
	const { courses, problems } = loadContent(path.resolve(dir));
	if (problems.length) {
		throw new ContentError(`Course content has ${problems.length} problem(s):\n` + problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
	}
	index = buildIndex(courses);
	return index;
}

/** For tests: use these courses instead of content/. */
export function setContentIndex(courses: Course[]): ContentIndex {
	index = buildIndex(courses);
	return index;
}
