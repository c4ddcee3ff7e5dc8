import { m } from '$lib/paraglide/messages';

export function levelLabel(level: string): string {
	return ({ dasar: m.level_dasar, menengah: m.level_menengah, lanjut: m.level_lanjut } as Record<string, () => string>)[level]?.() ?? level;
}

export function minutesLabel(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return h ? m.duration_hours({ h, m: rest }) : m.duration_minutes({ m: rest });
}
