// class-validator looks a class's rules up again on every validate(): getTargetValidationMetadatas tests
// every class that has rules (this API has hundreds of DTOs) for being an ancestor of the one validated, and
// groupByPropertyName regroups the answer, for every object and nested object of every request. Profiled
// under bench:votes, the look-up alone was the largest single function of the intake routes (26-35 µs of
// CPU per delivery). A class's rules are complete once it is defined (decorators run then), so both answers
// are kept per class; any rule registered later empties the cache, so it can never answer with stale rules.
// (A known class-validator issue: typestack/class-validator#2686.)

import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const INSTALLED = Symbol.for('incubator.validationMetadataCache');
const listeners = new Set<() => void>();

/** Calls `listener` whenever a rule is registered from now on (what was derived from rules is stale); installs the cache, which watches. */
export function whenRulesChange(listener: () => void): void {
  cacheValidationMetadata();
  listeners.add(listener);
}

/** Installs the cache on class-validator's global metadata storage (once per process; later calls do nothing). */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  let targets = new WeakMap<object, Map<string, Metadata>>();
  let grouped = new WeakMap<Metadata, Grouped>();
  const forget = () => {
    targets = new WeakMap();
    grouped = new WeakMap();
    for (const listener of listeners) listener();
  };

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}\u0000${groups ? groups.length : -1}`;
    let byKey = targets.get(target);
    if (!byKey) targets.set(target, (byKey = new Map<string, Metadata>()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };

  for (const method of ['addValidationMetadata', 'addValidationSchema', 'addConstraintMetadata'] as const) {
    const add = (storage[method] as (arg: unknown) => void).bind(storage);
    (storage as unknown as Record<string, (arg: unknown) => void>)[method] = (arg) => {
      add(arg);
      forget();
    };
  }
}
