// Every route of the app and who may open it. The authorisation walk checks each one for every
// role and for a signed-out visitor. Adding a route is one line here.
//
// access: 'public'     anyone, signed in or not
//         'guest'      signed-out visitors; a signed-in person is sent on (303) to their home
//         'signed-in'  any signed-in person (the learner's pages)
//         a role       only people holding that role (others get 403, signed-out go to sign in)
import { CAREER_ACTIONS, CAREER_ROUTES } from './routes-career';
import { SUPERVISION_ACTIONS, SUPERVISION_ROUTES } from './routes-supervision';
import { EVALUATION_ACTIONS, EVALUATION_ROUTES } from './routes-evaluation';

export type RouteAccess = 'public' | 'guest' | 'signed-in' | 'learner' | 'trainer' | 'supervisor' | 'admin';
export interface WalkRoute {
	path: string;
	access: RouteAccess;
}
export interface WalkAction {
	path: string;
	access: RouteAccess;
	form: Record<string, string>;
}

export const ROUTES: WalkRoute[] = [
	{ path: '/login', access: 'guest' },
	{ path: '/health', access: 'public' },
	{ path: '/', access: 'signed-in' },
	{ path: '/account', access: 'signed-in' },
	{ path: '/courses', access: 'signed-in' },
	{ path: '/courses?kompetensi=TEK-ADU&tingkat=dasar', access: 'signed-in' },
	{ path: '/courses/pelayanan-publik-prima', access: 'signed-in' },
	{ path: '/courses/e-government-spbe', access: 'signed-in' },
	{ path: '/courses/pelayanan-publik-prima/exam', access: 'signed-in' },
	{ path: '/certificates', access: 'signed-in' },
	{ path: '/verify', access: 'public' },
	{ path: '/verify/BINA-AAAA-BBBB-CCCC-DDDD', access: 'public' },
	{ path: '/trainer', access: 'trainer' },
	{ path: '/trainer/courses/pelayanan-publik-prima', access: 'trainer' },
	{ path: '/supervisor/certificates', access: 'supervisor' },
	{ path: '/admin/certificates', access: 'admin' },
	{ path: '/admin/courses', access: 'admin' },
	{ path: '/supervisor', access: 'supervisor' },
	{ path: '/admin', access: 'admin' },
	{ path: '/admin/units', access: 'admin' },
	{ path: '/admin/units/1', access: 'admin' },
	{ path: '/admin/positions', access: 'admin' },
	{ path: '/admin/positions/1', access: 'admin' },
	{ path: '/admin/people', access: 'admin' },
	{ path: '/admin/people/new', access: 'admin' },
	{ path: '/admin/people/1', access: 'admin' },
	{ path: '/admin/people/import', access: 'admin' },
	...CAREER_ROUTES,
	...SUPERVISION_ROUTES,
	...EVALUATION_ROUTES
];

/** Form actions that change data: the walk posts to each as every role. */
export const ACTIONS: WalkAction[] = [
	{ path: '/admin/units?/create', access: 'admin', form: { code: 'WALK-UNIT', name: 'Unit uji akses', kind: 'bagian', parentId: '' } },
	{ path: '/admin/positions?/create', access: 'admin', form: { code: 'WALK-POS', name: 'Jabatan uji akses', kind: 'pelaksana' } },
	{ path: '/admin/people/new', access: 'admin', form: { name: 'Orang Uji Akses', nip: '', email: 'walk@pemkomedan.go.id', roles: 'learner' } },
	{ path: '/admin/people/import', access: 'admin', form: {} },
	{ path: '/trainer/courses/e-government-spbe?/grant', access: 'trainer', form: { attemptId: '1', reason: 'uji akses' } },
	{ path: '/admin/courses?/assign', access: 'admin', form: { courseId: 'pelayanan-publik-prima', login: 'pegawai@bina.medan.go.id' } },
	{ path: '/admin/certificates?/revoke', access: 'admin', form: { code: 'BINA-AAAA-BBBB-CCCC-DDDD', reason: 'uji akses' } },
	...CAREER_ACTIONS,
	...SUPERVISION_ACTIONS,
	...EVALUATION_ACTIONS
];
