// Usage: node inspect.mjs <before.graphql> <after.graphql>. Prints the highest criticality graphql-inspector gives
// the change (BREAKING, DANGEROUS, NON_BREAKING, or NONE), then each change found.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

const [before, after] = process.argv.slice(2).map(f => buildSchema(readFileSync(f, 'utf8')));
const changes = await diff(before, after);
const order = [CriticalityLevel.NonBreaking, CriticalityLevel.Dangerous, CriticalityLevel.Breaking];
const highest = changes.reduce((max, c) => Math.max(max, order.indexOf(c.criticality.level)), -1);
console.log(highest < 0 ? 'NONE' : order[highest]);
for (const change of changes) console.log(`  ${change.criticality.level} ${change.message}`);
