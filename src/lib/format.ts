// Dates and numbers in the reader's language, on Medan's clock (WIB). One place, so every page
// shows them the same way and the English interface does not print Indonesian dates.
import { getLocale } from '$lib/paraglide/runtime';

const TIME_ZONE = 'Asia/Jakarta';
const tag = () => (getLocale() === 'id' ? 'id-ID' : 'en-GB');

/** 23 November 2026 */
export function formatDate(d: Date | string): string {
	return new Date(d).toLocaleDateString(tag(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
}

/** 23 Nov 2026, 14.35 */
export function formatDateTime(d: Date | string): string {
	return new Date(d).toLocaleString(tag(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
}

/** 14.35 */
export function formatTime(d: Date | string): string {
	return new Date(d).toLocaleTimeString(tag(), { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
}

/** 86,5 in Indonesian, 86.5 in English */
export function formatNumber(n: number): string {
	return n.toLocaleString(tag());
}
