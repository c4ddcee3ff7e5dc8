// The supervision area's routes and actions for the authorisation walk (see routes.ts).
import type { WalkAction, WalkRoute } from './routes';

export const SUPERVISION_ROUTES: WalkRoute[] = [];

export const SUPERVISION_ACTIONS: WalkAction[] = [];
