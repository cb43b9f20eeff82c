// Refuses input no field of this API can hold before DTO validation runs: NUL characters and unpaired
// UTF-16 surrogates (PostgreSQL text cannot store them, so they would fail far from the request) and
// structures nested deeper than any request needs (deep nesting would exhaust the validator's stack).
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './validation';

export const MAX_INPUT_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** The first problem found in a decoded request value, or null when the value is acceptable. */
export function findInputProblem(value: unknown, path = '', depth = 0): { field: string; message: string } | null {
  const field = path || 'body';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field, message: `${field} must not contain NUL characters` };
    if (LONE_SURROGATE.test(value)) return { field, message: `${field} must be well-formed Unicode text (it contains an unpaired surrogate)` };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH) return { field, message: `${field} is nested deeper than ${MAX_INPUT_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = findInputProblem(value[i], join(path, i), depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = findInputProblem(key, join(path, '(key)'), depth + 1);
    if (keyProblem) return { field: join(path, '(key)'), message: `a field name in ${field} ${keyProblem.message.replace(/^\S+ /, '')}` };
    const problem = findInputProblem(child, join(path, key), depth + 1);
    if (problem) return problem;
  }
  return null;
}

@Injectable()
export class InputSanityPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problem = findInputProblem(value, metadata.data ?? '');
    if (problem) throw new RequestValidationError([{ field: problem.field, messages: [problem.message] }]);
    return value;
  }
}
