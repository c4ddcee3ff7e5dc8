import type { SessionUser } from '$lib/server/auth/auth.service';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** Unread notifications of the signed-in person, read with the session. */
			unreadNotifications: number;
			/** The reader's language, from the locale cookie (hooks.server.ts). */
			locale: Locale;
		}
	}
}

export {};
