// node scripts/gc-abortsignal.js: why every request costs young-generation GC time on Node 20.
// Each request builds two AbortSignals (adapter-node's request signal and the one inside undici's
// Request). On Node 20 each signal gets a hidden class of its own and survives young-generation
// collections, so a scavenge copies them, and what hangs off them, instead of freeing them.
// This creates 1,000,000 signals, then as many plain EventTargets (the class AbortSignal extends),
// and prints the time taken and the minor-GC time spent on each.
import { PerformanceObserver } from 'node:perf_hooks';
import { constants } from 'node:perf_hooks';

const N = Number(process.env.N ?? 1_000_000);
let minorMs = 0;
new PerformanceObserver((list) => {
	for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minorMs += e.duration;
}).observe({ entryTypes: ['gc'] });

async function measure(label, make) {
	await new Promise((r) => setTimeout(r, 50));
	minorMs = 0;
	const start = performance.now();
	for (let i = 0; i < N; i++) make();
	const ms = performance.now() - start;
	await new Promise((r) => setTimeout(r, 50)); // let the observer report
	console.log(`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms, minor GC ${minorMs.toFixed(0).padStart(5)} ms`);
}

console.log(`Node ${process.version}, ${N.toLocaleString('en')} objects each`);
await measure('new AbortController().signal', () => new AbortController().signal);
await measure('new EventTarget()', () => new EventTarget());
