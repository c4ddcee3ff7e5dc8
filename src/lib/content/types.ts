// The course format as data: what the loader produces from content/ (see content/README.md).
// Answer keys are part of these types, so the loaded catalogue is server-only; the browser gets
// only `PublicQuestion`s.

export type CourseLevel = 'dasar' | 'menengah' | 'lanjut';

export interface CompetencyTarget {
	code: string;
	level: number; // 1-5
}

export interface Certification {
	passMark: number; // percent
	validityMonths: number | null;
}

export interface Option {
	id: string;
	text: string;
}

interface QuestionBase {
	id: string;
	prompt: string;
	explanation: string;
	points: number; // default 1
	/** Where the block starts, for messages and statistics. */
	file: string;
	line: number;
}

export type Question =
	| (QuestionBase & { type: 'single'; options: Option[]; answer: string })
	| (QuestionBase & { type: 'multiple'; options: Option[]; answer: string[] })
	| (QuestionBase & { type: 'truefalse'; answer: boolean })
	| (QuestionBase & { type: 'short'; answers: string[] })
	| (QuestionBase & { type: 'numeric'; answer: number; tolerance: number; unit: string | null })
	| (QuestionBase & { type: 'matching'; pairs: Array<{ left: string; right: string }> })
	| (QuestionBase & { type: 'ordering'; items: string[] })
	| (QuestionBase & { type: 'essay'; rubric: string; maxPoints: number });

export type QuestionType = Question['type'];

export interface Heading {
	depth: 2 | 3;
	text: string;
	slug: string;
}

export interface Module {
	id: string;
	slug: string; // file name without prefix and extension, e.g. siklus-hidup-proyek
	file: string; // path relative to the repository, e.g. content/mpp/01-siklus-hidup-proyek.md
	order: number; // the numeric prefix
	title: string;
	minutes: number;
	objectives: string[];
	glossary: Record<string, string>;
	headings: Heading[];
	/** Practice questions in the order they appear. */
	questions: Question[];
	/** Terms used with :term[...] in this module. */
	termsUsed: string[];
	wordCount: number;
	/** SHA-256 (hex) of the file's bytes: a new hash is a new module version. */
	hash: string;
}

export type FeedbackMode = 'never' | 'after-submit' | 'after-close';

export interface Exam {
	id: string;
	file: string;
	title: string;
	passMark: number;
	timeLimitMinutes: number | null;
	attempts: number | null;
	waitMinutes: number;
	draw: number;
	shuffleOptions: boolean;
	feedback: FeedbackMode;
	review: boolean;
	instructions: string; // Markdown
	pool: Question[];
	hash: string;
}

export interface Course {
	id: string;
	slug: string; // folder name
	dir: string; // content/<slug>
	title: string;
	summary: string;
	audience: string;
	level: CourseLevel;
	jp: number;
	topic: string;
	tags: string[];
	prerequisites: string[];
	competencies: CompetencyTarget[];
	certification: Certification | null;
	glossary: Record<string, string>;
	description: string; // Markdown body of index.md
	modules: Module[];
	exam: Exam | null;
	/** SHA-256 over the index, every module and the exam: a new hash is a new course version. */
	hash: string;
}

/** A problem in a course file, in words a trainer understands (Indonesian), with its place. */
export interface ContentProblem {
	file: string;
	line: number;
	message: string;
}

export interface LoadResult {
	courses: Course[];
	problems: ContentProblem[];
}

/** What the browser may know of a question before it is answered: never the key. */
export type PublicQuestion =
	| { id: string; type: 'single' | 'multiple'; prompt: string; options: Option[] }
	| { id: string; type: 'truefalse'; prompt: string }
	| { id: string; type: 'short'; prompt: string }
	| { id: string; type: 'numeric'; prompt: string; unit: string | null }
	| { id: string; type: 'matching'; prompt: string; left: string[]; right: string[] }
	| { id: string; type: 'ordering'; prompt: string; items: string[] }
	| { id: string; type: 'essay'; prompt: string; maxPoints: number };
