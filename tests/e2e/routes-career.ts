// The career area's routes and actions for the authorisation walk (see routes.ts).
// Demo ids: person 4 is pegawai@ (the fixed accounts come first), plan 1 is lurah@'s plan
// submitted to the Camat (atasan@), external training 1 belongs to a Padang Bulan colleague of
// pegawai@ whose direct supervisor is lurah@ (so of the walk's roles only the admin may open it).
import type { WalkAction, WalkRoute } from './routes';

export const CAREER_ROUTES: WalkRoute[] = [
	{ path: '/competency', access: 'signed-in' },
	{ path: '/competency/training', access: 'signed-in' },
	{ path: '/competency/training/1/document', access: 'admin' },
	{ path: '/plan', access: 'signed-in' },
	{ path: '/supervisor/plans', access: 'supervisor' },
	{ path: '/supervisor/plans/1', access: 'supervisor' },
	{ path: '/supervisor/people/4', access: 'supervisor' },
	{ path: '/admin/people/4/competency', access: 'admin' },
	{ path: '/admin/competencies', access: 'admin' },
	{ path: '/admin/competencies/TEK-YAN', access: 'admin' },
	{ path: '/admin/positions/requirements', access: 'admin' }
];

const LEVELS = { level1: 'a', level2: 'b', level3: 'c', level4: 'd', level5: 'e' };

export const CAREER_ACTIONS: WalkAction[] = [
	{ path: '/plan?/start', access: 'signed-in', form: {} },
	{ path: '/plan?/add', access: 'signed-in', form: { kind: 'on-the-job', title: 'Uji akses' } },
	{ path: '/plan?/date', access: 'signed-in', form: { itemId: '1', targetDate: '2026-12-31' } },
	{ path: '/plan?/remove', access: 'signed-in', form: { itemId: '1' } },
	{ path: '/plan?/submit', access: 'signed-in', form: {} },
	{ path: '/competency/training?/submit', access: 'signed-in', form: { title: 'Uji akses' } },
	{ path: '/supervisor/plans?/review', access: 'supervisor', form: { trainingId: '1', decision: 'verify', note: 'uji akses' } },
	{ path: '/supervisor/plans/1?/approve', access: 'supervisor', form: { comment: 'uji akses' } },
	{ path: '/supervisor/plans/1?/changes', access: 'supervisor', form: { comment: 'uji akses' } },
	{ path: '/supervisor/plans/1?/evaluate', access: 'supervisor', form: { rating: 'tercapai', note: 'uji akses' } },
	{ path: '/supervisor/people/4?/evidence', access: 'supervisor', form: { competencyCode: 'TEK-YAN', level: '5', note: 'uji akses' } },
	{ path: '/admin/people/4/competency?/evidence', access: 'admin', form: { competencyCode: 'TEK-YAN', level: '5', note: 'uji akses' } },
	{ path: '/admin/competencies?/create', access: 'admin', form: { code: 'TEK-WALK', name: 'Kompetensi uji akses', kind: 'teknis', active: '1', ...LEVELS } },
	{ path: '/admin/competencies/TEK-YAN?/save', access: 'admin', form: { name: 'Kompetensi uji akses', kind: 'teknis', active: '1', ...LEVELS } },
	{ path: '/admin/positions/1?/requirements', access: 'admin', form: { 'req:TEK-YAN': '5' } },
	{ path: '/admin/positions/requirements', access: 'admin', form: {} }
];
