// Validates every object of the given manifest files against the Kubernetes schemas (kubernetes-models).
// Prints one line per object and exits non-zero on the first file with an invalid or unknown object.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failures = 0;
let objects = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.log(`INVALID YAML ${file}: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) {
      continue;
    }
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
    const path = `kubernetes-models/${group ? group + "/" : ""}${version}/${object.kind}`;
    try {
      const module = await import(path);
      const Model = module[object.kind] ?? module.default;
      new Model(object).validate();
      objects++;
      console.log(`valid ${object.kind} ${object.metadata.name} (${file})`);
    } catch (error) {
      failures++;
      console.log(`INVALID ${object.kind} ${object.metadata?.name} (${file}): ${error.message}`);
    }
  }
}
console.log(`${objects} objects valid, ${failures} invalid`);
process.exit(failures === 0 && objects > 0 ? 0 : 1);
