// The evaluation area's routes and actions for the authorisation walk (see routes.ts).
import type { WalkAction, WalkRoute } from './routes';

export const EVALUATION_ROUTES: WalkRoute[] = [];

export const EVALUATION_ACTIONS: WalkAction[] = [];
