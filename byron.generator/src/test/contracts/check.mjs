// Usage: node check.mjs <file>... Prints "ok <file>" or "<error|warning> <file>: <message>" per finding; exit 1 on any.
import { readFileSync } from 'node:fs';
import { buildSchema, validateSchema } from 'graphql';
import { Parser } from '@asyncapi/parser';

const parser = new Parser();
let findings = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const problems = [];
  if (file.endsWith('.graphql')) {
    try {
      for (const error of validateSchema(buildSchema(text))) problems.push(['error', error.message]);
    } catch (error) {
      problems.push(['error', error.message]);
    }
  } else {
    for (const d of await parser.validate(text)) {
      problems.push([d.severity === 0 ? 'error' : d.severity === 1 ? 'warning' : 'info', `${d.code}: ${d.message} at ${d.path.join('/')}`]);
    }
  }
  const counted = problems.filter(([severity]) => severity !== 'info');
  findings += counted.length;
  if (counted.length === 0) console.log(`ok ${file}`);
  for (const [severity, message] of counted) console.log(`${severity} ${file}: ${message}`);
}
process.exitCode = findings > 0 ? 1 : 0;
