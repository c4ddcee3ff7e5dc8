// node scripts/gc-retention.js: why every request costs young-generation GC time.
// V8 keeps an accessor (a getter closure defined on one object, as SvelteKit does on `event.url`
// and on the render result it reads the HTML from) in that object's hidden class, which lives in
// the old generation: the closure, and what it captured, survive every young-generation
// collection until a full one. On Node 20 an AbortSignal (two per request: adapter-node's request
// signal and the one inside undici's `Request`) gets a hidden class of its own too, and costs ten
// times what it does on Node 22. Each case below creates N objects holding a 400-byte array and
// prints the time taken and the minor-GC time spent.
import { PerformanceObserver, constants } from 'node:perf_hooks';

const N = Number(process.env.N ?? 300_000);
let minorMs = 0;
new PerformanceObserver((list) => {
	for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minorMs += e.duration;
}).observe({ entryTypes: ['gc'] });

async function measure(label, make) {
	await new Promise((r) => setTimeout(r, 50));
	minorMs = 0;
	const start = performance.now();
	for (let i = 0; i < N; i++) make(new Array(50).fill(i));
	const ms = performance.now() - start;
	await new Promise((r) => setTimeout(r, 50)); // let the observer report
	console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms, minor GC ${minorMs.toFixed(0).padStart(5)} ms`);
}

console.log(`Node ${process.version}, ${N.toLocaleString('en')} objects each`);
await measure('object with a getter capturing the array', (a) => ({ get x() { return a; } }));
await measure('object with a function capturing the array', (a) => ({ x: () => a }));
await measure('new AbortController().signal', () => new AbortController().signal);
await measure('new EventTarget()', () => new EventTarget());
