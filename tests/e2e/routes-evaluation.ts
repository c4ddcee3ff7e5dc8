// The evaluation area's routes and actions for the authorisation walk (see routes.ts).
// Demo data: workshop 1 is "Workshop Pelayanan Prima di Loket Kelurahan", run by pelatih@.
import type { WalkAction, WalkRoute } from './routes';

export const EVALUATION_ROUTES: WalkRoute[] = [
	{ path: '/workshops', access: 'signed-in' },
	{ path: '/workshops/1', access: 'signed-in' },
	{ path: '/workshops/attend/1-abc-AAAAAAAAAAAAAAAAAAAAAA', access: 'signed-in' },
	{ path: '/mentoring', access: 'signed-in' },
	{ path: '/trainer/workshops', access: 'trainer' },
	{ path: '/trainer/workshops/new', access: 'trainer' },
	{ path: '/trainer/workshops/1', access: 'trainer' },
	{ path: '/trainer/workshops/1/qr', access: 'trainer' },
	{ path: '/trainer/evaluations', access: 'trainer' },
	{ path: '/supervisor/evaluations', access: 'supervisor' },
	{ path: '/survey', access: 'public' },
	{ path: '/survey/DISDUKCAPIL', access: 'public' },
	{ path: '/survey/KEL-PADANG-BULAN', access: 'public' },
	{ path: '/admin/evaluation', access: 'admin' },
	{ path: '/admin/evaluation?dari=2026-01-01&sampai=2026-06-30', access: 'admin' },
	{ path: '/admin/evaluation/units', access: 'admin' },
	{ path: '/admin/evaluation/units/DISDUKCAPIL', access: 'admin' },
	{ path: '/admin/evaluation/indicators', access: 'admin' },
	{ path: '/admin/evaluation/effect', access: 'admin' },
	{ path: '/admin/evaluation/training', access: 'admin' }
];

export const EVALUATION_ACTIONS: WalkAction[] = [
	{ path: '/workshops?/register', access: 'signed-in', form: { workshopId: '1' } },
	{ path: '/workshops?/cancel', access: 'signed-in', form: { workshopId: '1' } },
	{ path: '/workshops/1?/register', access: 'signed-in', form: {} },
	{ path: '/workshops/1?/cancel', access: 'signed-in', form: {} },
	{ path: '/workshops/1?/evaluate', access: 'signed-in', form: { relevance: '5', clarity: '5', delivery: '5', usefulness: '5' } },
	{ path: '/workshops/attend/1-abc-AAAAAAAAAAAAAAAAAAAAAA', access: 'signed-in', form: {} },
	{ path: '/trainer/workshops/1?/cancel', access: 'trainer', form: { reason: 'uji akses' } },
	{ path: '/trainer/workshops/1?/edit', access: 'trainer', form: { title: 'Uji akses', startsAt: '2030-01-01T09:00', endsAt: '2030-01-01T10:00', capacity: '50', jp: '1', place: 'Aula' } },
	{ path: '/courses/pelayanan-publik-prima?/evaluate', access: 'signed-in', form: { relevance: '5', clarity: '5', delivery: '5', usefulness: '5' } },
	{ path: '/mentoring?/log', access: 'signed-in', form: { pairId: '1', heldOn: '2026-01-05', minutes: '60', topic: 'uji akses' } },
	{ path: '/mentoring?/confirm', access: 'signed-in', form: { sessionId: '1' } },
	// /mentoring?/pair is for supervisors AND admins (one role per entry here), so the refusal of
	// learners and trainers is checked in workshops-evaluation.e2e.ts instead.
	{ path: '/trainer/workshops/new', access: 'trainer', form: { title: 'Uji akses', startsAt: '2030-01-01T09:00', endsAt: '2030-01-01T10:00', capacity: '5', jp: '1', place: 'Aula' } },
	{ path: '/trainer/workshops/1?/mark', access: 'trainer', form: { personId: '1' } },
	{ path: '/supervisor/evaluations?/answer', access: 'supervisor', form: { id: '1', rating: '1' } },
	{ path: '/survey/DISDUKCAPIL', access: 'public', form: {} },
	{ path: '/admin/evaluation?/weight', access: 'admin', form: { weight: '0.11' } },
	{ path: '/admin/evaluation/units/DISDUKCAPIL?/addService', access: 'admin', form: { name: 'Layanan uji akses' } },
	{ path: '/admin/evaluation/units/DISDUKCAPIL?/toggleService', access: 'admin', form: { serviceId: '1', active: '0' } },
	{ path: '/admin/evaluation/indicators?/save', access: 'admin', form: { unitCode: 'DISDUKCAPIL', month: '2026-01', received: '999', resolved: '0', withinStandard: '0', avgDays: '' } },
	{ path: '/admin/evaluation/indicators?/import', access: 'admin', form: {} }
];
