// The format's fixed lists (content/README.md): competency codes, id and file-name patterns, question
// types, directives and the fields each kind of file may hold. A module of its own so that every
// part of the loader can use them without importing load.ts (which imports those parts).
import type { CourseLevel, FeedbackMode, QuestionType } from './types';

/** Competency codes of the framework (table "Competency codes" in content/README.md). */
export const COMPETENCY_CODES = [
	'MNJ-INT',
	'MNJ-KS',
	'MNJ-KOM',
	'MNJ-OPH',
	'MNJ-PP',
	'MNJ-PDO',
	'MNJ-MP',
	'MNJ-PK',
	'SK-PB',
	'TEK-MPR',
	'TEK-SPBE',
	'TEK-DATA',
	'TEK-YAN',
	'TEK-ADU'
] as const;

/** Ids of courses, modules, exams and questions. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
/** Module file names: NN-slug.md. */
export const MODULE_FILE_PATTERN = /^(\d+)-([a-z0-9-]+)\.md$/;
export const QUESTION_TYPES: readonly QuestionType[] = [
	'single',
	'multiple',
	'truefalse',
	'short',
	'numeric',
	'matching',
	'ordering',
	'essay'
];
/** Container directives (`:::name[title]` ... `:::`). */
export const CONTAINER_DIRECTIVES = ['tip', 'warning', 'example', 'regulation', 'worked'] as const;
/** Practice questions a module's `## Latihan` section must hold at least. */
export const MIN_PRACTICE_QUESTIONS = 1;

export const LEVELS: readonly CourseLevel[] = ['dasar', 'menengah', 'lanjut'];
export const FEEDBACK_MODES: readonly FeedbackMode[] = ['never', 'after-submit', 'after-close'];
export const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const INDEX_KEYS = [
	'id',
	'title',
	'summary',
	'audience',
	'level',
	'jp',
	'topic',
	'tags',
	'prerequisites',
	'competencies',
	'certification',
	'glossary'
];
export const MODULE_KEYS = ['id', 'title', 'minutes', 'objectives', 'glossary'];
export const EXAM_KEYS = [
	'id',
	'title',
	'passMark',
	'timeLimitMinutes',
	'attempts',
	'waitMinutes',
	'draw',
	'shuffleOptions',
	'feedback',
	'review'
];
export const QUESTION_BASE_KEYS = ['id', 'type', 'prompt', 'explanation', 'points'];
export const QUESTION_KEYS: Record<QuestionType, string[]> = {
	single: ['options', 'answer'],
	multiple: ['options', 'answer'],
	truefalse: ['answer'],
	short: ['answers'],
	numeric: ['answer', 'tolerance', 'unit'],
	matching: ['pairs'],
	ordering: ['items'],
	essay: ['rubric', 'maxPoints']
};
