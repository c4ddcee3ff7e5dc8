/** Orders units as a tree (parents first, children indented under them) for lists and selects. */
export function treeOrder<T extends { id: number; parent_id: number | null; name: string }>(units: T[]): Array<T & { depth: number }> {
	const children = new Map<number | null, T[]>();
	for (const u of units) {
		const list = children.get(u.parent_id) ?? [];
		list.push(u);
		children.set(u.parent_id, list);
	}
	const ids = new Set(units.map((u) => u.id));
	const out: Array<T & { depth: number }> = [];
	const walk = (parent: number | null, depth: number) => {
		for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
			out.push({ ...u, depth });
			walk(u.id, depth + 1);
		}
	};
	walk(null, 0);
	// Units whose parent is missing (should not happen) still appear, at the top level.
	for (const u of units) if (u.parent_id !== null && !ids.has(u.parent_id) && !out.some((o) => o.id === u.id)) out.push({ ...u, depth: 0 });
	return out;
}
