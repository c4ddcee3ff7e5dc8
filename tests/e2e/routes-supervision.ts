// The supervision area's routes and actions for the authorisation walk (see routes.ts). The walk's
// supervisor is atasan@ (Camat Medan Baru): the units named here are inside Kecamatan Medan Baru.
// A supervisor's 403 on another unit (Disdukcapil) is checked in supervisor-team.e2e.ts.
import type { WalkAction, WalkRoute } from './routes';

export const SUPERVISION_ROUTES: WalkRoute[] = [
	{ path: '/supervisor?unit=KEL-BABURA&cert=within90&sort=expiring', access: 'supervisor' },
	{ path: '/supervisor/assign', access: 'supervisor' },
	{ path: '/supervisor/export/ikhtisar-tim.csv', access: 'supervisor' },
	{ path: '/supervisor/export/ikhtisar-tim.xlsx?unit=KEL-MERDEKA', access: 'supervisor' },
	{ path: '/supervisor/export/daftar-sertifikat.csv?unit=KEL-BABURA', access: 'supervisor' },
	{ path: '/supervisor/export/daftar-sertifikat.xlsx', access: 'supervisor' },
	{ path: '/admin/reports', access: 'admin' },
	{ path: '/admin/reports?unit=KEC-MEDAN-BARU', access: 'admin' },
	{ path: '/admin/reports/courses', access: 'admin' },
	{ path: '/admin/assignments', access: 'admin' },
	{ path: '/notifications', access: 'signed-in' }
];

const assignment = { courseId: 'pelayanan-publik-prima', dueOn: '2099-12-31', target: 'unit', unitCode: 'KEL-BABURA', people: '' };

export const SUPERVISION_ACTIONS: WalkAction[] = [
	{ path: '/supervisor/assign', access: 'supervisor', form: assignment },
	{ path: '/admin/assignments', access: 'admin', form: assignment },
	{ path: '/notifications?/read', access: 'signed-in', form: { id: '1' } },
	{ path: '/notifications?/readAll', access: 'signed-in', form: {} }
];
