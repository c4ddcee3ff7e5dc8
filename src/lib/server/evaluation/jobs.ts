// The evaluation area's jobs for the queue (see ../jobs/types.ts).
import type { JobDefinition } from '../jobs/types';
import { requestBehaviourEvaluations } from './evaluation.service';

/** Daily at 06:00 WIB: ask supervisors about courses completed three months ago (level 3). */
export const requestBehaviourJob: JobDefinition = {
	name: 'evaluation.request-behaviour',
	schedule: '0 6 * * *',
	handler: async (db, _data, now) => {
		await requestBehaviourEvaluations(db, now);
	}
};

export const evaluationJobs: JobDefinition[] = [requestBehaviourJob];
