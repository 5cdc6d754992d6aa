// The catalogue's pages through html-validate's recommended rules (the validator users of static sites run).
// Usage: node html.mjs <site folder>; prints {"files": n, "errors": [...]} and exits 0.
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';

const [site] = process.argv.slice(2);
const validator = new HtmlValidate(new FileSystemConfigLoader({ extends: ['html-validate:recommended'] }));
const pages = fs.readdirSync(site, { recursive: true }).filter((f) => f.endsWith('.html'));
const errors = [];
for (const page of pages) {
  const report = await validator.validateFile(path.join(site, page));
  for (const result of report.results) {
    for (const message of result.messages) {
      errors.push(`${page}:${message.line}:${message.column}: ${message.message} [${message.ruleId}]`);
    }
  }
}
console.log(JSON.stringify({ files: pages.length, errors }));
