// npm run db:types: migrate an in-memory PGlite and write src/lib/server/db/schema.ts.
import fs from 'node:fs/promises';
import { openDatabase } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { generateSchemaTypes } from '../src/lib/server/db/schema-gen';

const handle = await openDatabase({ dataDir: null });
try {
	await migrateToLatest(handle);
	await fs.writeFile('src/lib/server/db/schema.ts', await generateSchemaTypes(handle.db));
	console.log('wrote src/lib/server/db/schema.ts');
} finally {
	await handle.close();
}
