import type { SessionUser } from '$lib/server/auth/auth.service';

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
		}
	}
}

export {};
