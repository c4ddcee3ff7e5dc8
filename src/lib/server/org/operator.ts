// Accounts created by an operator on the command line (`npm run cli -- user:add`): how a
// production install gets its first admin. Whoever can run the CLI already holds the database,
// so there is no actor to check; the same validation as the admin pages applies.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { recordAudit } from '../audit';
import { hashPassword, passwordProblem } from '../auth/password';
import { isRole, type Role } from '../../auth/roles';
import { parseNip } from './nip';
import * as repo from './org.repository';

export interface OperatorAccountInput {
	login: string;
	name: string;
	roles: string[];
	unitCode?: string;
	password: string;
}

export type OperatorResult = { ok: true; id: number } | { ok: false; message: string };

export async function addAccount(db: Kysely<DB>, input: OperatorAccountInput): Promise<OperatorResult> {
	const login = input.login.trim();
	let nip: string | null = null;
	let email: string | null = null;
	if (/^[\d\s.]+$/.test(login)) {
		const parsed = parseNip(login);
		if (!parsed.ok) return { ok: false, message: `--login: not a valid NIP (${parsed.error}) / NIP tidak valid` };
		nip = parsed.nip;
	} else if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(login)) {
		email = login.toLowerCase();
	} else {
		return { ok: false, message: '--login must be an e-mail address or an 18-digit NIP / --login harus e-mail atau NIP 18 angka' };
	}
	if (!input.name.trim()) return { ok: false, message: '--name is required / --name wajib' };
	const roles = input.roles.length ? input.roles : ['learner'];
	const bad = roles.filter((r) => !isRole(r));
	if (bad.length) return { ok: false, message: `unknown role(s) / peran tidak dikenal: ${bad.join(', ')} (learner, trainer, supervisor, admin)` };
	const problem = passwordProblem(input.password, [nip, email]);
	if (problem) return { ok: false, message: `password rejected / kata sandi ditolak: ${problem} (at least 8 characters, not the login)` };
	let unitId: number | null = null;
	if (input.unitCode) {
		unitId = (await repo.unitIdsByCode(db)).get(input.unitCode.trim().toUpperCase()) ?? null;
		if (unitId === null) return { ok: false, message: `unknown unit / unit tidak dikenal: ${input.unitCode}` };
	}
	const clash = nip
		? (await repo.findPersonIdsByNip(db, [nip])).size > 0
		: (await repo.findPersonIdsByEmail(db, [email!])).size > 0;
	if (clash) return { ok: false, message: `an account with this login already exists / akun dengan login ini sudah ada: ${login}` };
	const finalRoles = [...new Set<Role>(['learner', ...roles.filter(isRole)])];
	const passwordHash = await hashPassword(input.password);
	const id = await db.transaction().execute(async (trx) => {
		const { id } = await repo.insertPerson(trx, { nip, email, name: input.name.trim(), unit_id: unitId, position_id: null, supervisor_id: null, password_hash: passwordHash });
		await repo.setRoles(trx, id, finalRoles);
		await recordAudit(trx, { actorId: null, action: 'person.created_by_operator', subject: `person:${id}`, detail: { login, roles: finalRoles } });
		return id;
	});
	return { ok: true, id };
}
