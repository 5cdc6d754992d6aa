// Usage: node audit.mjs <url>. Prints one line per audit: "<status> <id> <name>[ :: <reason>]", status ok|warn|error.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
let failed = false;
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  const reason = result.status === 'ok' ? '' : ' :: ' + String(result.reason).replace(/\s+/g, ' ');
  console.log(`${result.status} ${audit.id} ${audit.name}${reason}`);
  failed ||= result.status === 'error';
}
process.exitCode = failed ? 1 : 0;
