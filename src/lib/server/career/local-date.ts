// Calendar dates on Medan's clock (WIB, UTC+7): a JP entry, a plan year and a certificate date
// belong to the day as people in Medan lived it, not to the UTC day.
const TIME_ZONE = 'Asia/Jakarta';

/** YYYY-MM-DD of an instant in WIB. */
export function localDate(d: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The calendar year of an instant in WIB. */
export function localYear(d: Date): number {
	return Number(localDate(d).slice(0, 4));
}
