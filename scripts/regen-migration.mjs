// Development helper: drops the migrations that have not landed on origin (not committed in
// HEAD) and generates one migration from the current schema. Landed migrations are never touched.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'server/src/db/migrations';
const landed = new Set(
  execSync(`git ls-tree --name-only HEAD ${dir}/`, { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((p) => p.split('/').pop()),
);
const journalPath = join(dir, 'meta/_journal.json');
const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
const keep = journal.entries.filter((e) => landed.has(`${e.tag}.sql`));
for (const e of journal.entries) {
  if (keep.includes(e)) continue;
  rmSync(join(dir, `${e.tag}.sql`), { force: true });
  rmSync(join(dir, 'meta', `${e.tag.split('_')[0]}_snapshot.json`), { force: true });
}
journal.entries = keep;
writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`);
for (const f of readdirSync(dir)) if (f.endsWith('.sql') && !landed.has(f)) rmSync(join(dir, f));
const name = process.argv[2] ?? 'ce_records';
execSync(`npx drizzle-kit generate --config server/drizzle.config.ts --name ${name}`, { stdio: 'inherit' });
