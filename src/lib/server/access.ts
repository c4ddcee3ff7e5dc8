// Access checks that open every service function. Layout guards do not cover actions and
// endpoints, so the service checks again: who asks, and what they may touch.
import { error } from '@sveltejs/kit';
import type { Role } from '../auth/roles';

export interface Actor {
	id: number;
	roles: readonly Role[];
	unitId: number | null;
}

export class ForbiddenError extends Error {
	readonly status = 403;
	constructor(message = 'forbidden') {
		super(message);
		this.name = 'ForbiddenError';
	}
}

export function hasRole(actor: Actor | null | undefined, role: Role): actor is Actor {
	return !!actor && actor.roles.includes(role);
}

export function requireRole(actor: Actor | null | undefined, role: Role): asserts actor is Actor {
	if (!hasRole(actor, role)) throw new ForbiddenError(`requires role ${role}`);
}

/** Turns a ForbiddenError from a service into SvelteKit's 403 page; anything else is rethrown. */
export function asHttpError(e: unknown, message: string): never {
	if (e instanceof ForbiddenError) error(403, message);
	throw e;
}
