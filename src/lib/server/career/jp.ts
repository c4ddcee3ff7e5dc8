// JP (jam pelajaran) arithmetic, pure. No regulation fixes the minutes in one JP; training
// practice uses 45, which is the default of the `jp_minutes` setting.

/** Minutes of learning as JP, rounded to two decimals (90 minutes at 45 per JP = 2 JP). */
export function minutesToJp(minutes: number, minutesPerJp: number): number {
	if (!(minutes > 0) || !(minutesPerJp > 0)) return 0;
	return Math.round((minutes / minutesPerJp) * 100) / 100;
}

/** The JP an e-learning course credits: its declared JP, else its minutes converted. */
export function courseJp(course: { jp: number | null | undefined; totalMinutes: number }, minutesPerJp: number): number {
	return course.jp && course.jp > 0 ? course.jp : minutesToJp(course.totalMinutes, minutesPerJp);
}
