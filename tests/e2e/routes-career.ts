// The career area's routes and actions for the authorisation walk (see routes.ts).
import type { WalkAction, WalkRoute } from './routes';

export const CAREER_ROUTES: WalkRoute[] = [];

export const CAREER_ACTIONS: WalkAction[] = [];
