// Reads the overview's filter from a URL (?q=&unit=&cert=&jp=&plan=&overdue=&sort=&dir=), so the
// page, its pager and its export links carry the same selection.
import { CERT_FILTERS, SORTS, type CertFilter, type TeamFilter, type TeamSort } from './supervision.repository';

export function teamFilterFrom(url: URL): { unitCode: string | null; filter: TeamFilter } {
	const p = url.searchParams;
	const pick = <T extends string>(v: string | null, allowed: readonly T[]): T | undefined => (v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined);
	const plan = p.get('plan')?.trim();
	return {
		unitCode: p.get('unit')?.trim() || null,
		filter: {
			q: p.get('q')?.trim() || undefined,
			cert: pick<CertFilter>(p.get('cert'), CERT_FILTERS),
			jp: pick(p.get('jp'), ['behind', 'met'] as const),
			plan: plan && /^[a-z-]{1,32}$/.test(plan) ? plan : undefined,
			overdue: p.get('overdue') === '1',
			sort: pick<TeamSort>(p.get('sort'), SORTS),
			dir: pick(p.get('dir'), ['asc', 'desc'] as const)
		}
	};
}
