// Lazy imports of the compiled course files, for universal page loads. Only modules and course
// descriptions are compiled; ujian.md (the exam pool) is not matched and never reaches a bundle.
import type { Component } from 'svelte';

type Loader = () => Promise<{ default: Component }>;

const modules = import.meta.glob<{ default: Component }>('/content/*/[0-9]*.md');
const descriptions = import.meta.glob<{ default: Component }>('/content/*/index.md');

export async function moduleComponent(file: string): Promise<Component | null> {
	const load = (modules as Record<string, Loader>)[`/${file}`];
	return load ? (await load()).default : null;
}

export async function descriptionComponent(courseSlug: string): Promise<Component | null> {
	const load = (descriptions as Record<string, Loader>)[`/content/${courseSlug}/index.md`];
	return load ? (await load()).default : null;
}
