// Usage: node check.mjs <file>... Each file holds one event in the structured JSON format, as stored on the stream.
// Prints "ok <file> <type>" or "invalid <file>: <reason>"; exit 1 on any invalid event.
import { readFileSync } from 'node:fs';
import { HTTP } from 'cloudevents';

let invalid = 0;
for (const file of process.argv.slice(2)) {
  try {
    const body = readFileSync(file, 'utf8');
    // structured mode, as an HTTP receiver would get it; the SDK validates the event strictly while reading it
    const event = HTTP.toEvent({ headers: { 'content-type': 'application/cloudevents+json' }, body });
    event.validate();
    // and in binary mode: every context attribute must become one ce- header
    const binary = HTTP.binary(event);
    for (const [name, value] of Object.entries(binary.headers)) {
      if (typeof value !== 'string' || value.startsWith('[') || value === 'null') throw new Error(`header ${name}: ${value}`);
    }
    console.log(`ok ${file} ${event.type}`);
  } catch (error) {
    invalid++;
    console.log(`invalid ${file}: ${error.message} ${JSON.stringify(error.errors ?? '')}`);
  }
}
process.exitCode = invalid > 0 ? 1 : 0;
