// Passwords are hashed with argon2id, with the parameters OWASP recommends as a minimum
// (19 MiB memory, 2 iterations, 1 lane).
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this when the account does not exist costs the same time as a real check,
// so response times do not reveal which logins exist.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
	dummyHash ??= hash('bina-asn-dummy-password', OPTIONS);
	await verifyPassword(await dummyHash, password);
}

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_login' | 'too_simple';

export function passwordProblem(password: string, logins: Array<string | null | undefined>): PasswordProblem | null {
	if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	if (logins.some((l) => l && (lower === l.toLowerCase() || lower === l.split('@')[0]?.toLowerCase()))) return 'same_as_login';
	if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|12345678|87654321|password|katasandi|qwertyui)/i.test(password)) {
		return 'too_simple';
	}
	return null;
}
