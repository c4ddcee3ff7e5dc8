// The evaluation area's jobs for the queue (see ../jobs/types.ts).
import type { JobDefinition } from '../jobs/types';

export const evaluationJobs: JobDefinition[] = [];
