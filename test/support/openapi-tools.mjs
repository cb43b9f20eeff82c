// Redocly's recommended lint (the engine of `redocly lint`) and openapi-typescript's type generation for an
// OpenAPI document, in a process of its own: both are ES modules, which jest's module loader cannot require.
// Usage: node openapi-tools.mjs lint <document.json>  → the problems as one JSON array
//        node openapi-tools.mjs types <document.json> → the TypeScript of the document's paths and schemas
import { readFile } from 'node:fs/promises';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';

const [command, file] = process.argv.slice(2);
const source = await readFile(file, 'utf8');
if (command === 'lint') {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source, absoluteRef: file, config });
  process.stdout.write(JSON.stringify(problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, pointer: p.location[0]?.pointer ?? '', message: p.message }))));
} else if (command === 'types') {
  process.stdout.write(astToString(await openapiTS(JSON.parse(source))));
} else {
  throw new Error(`usage: openapi-tools.mjs lint|types <document.json>, not ${command}`);
}
