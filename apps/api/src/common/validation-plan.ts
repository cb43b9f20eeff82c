// Accepting a valid body without class-transformer's copy and class-validator's executor. Every request body
// of the API is checked against its DTO by the ValidationPipe: class-transformer first copies the parsed JSON
// into instances of the DTO classes, then class-validator's executor walks them, building an error object
// for every property, filtering each property's rules three times and regrouping them, for every object and
// nested object. Profiled under bench:votes, that machinery (not the rules themselves) was about 26 µs of
// CPU per vote and 53 µs per reservation or order, with the garbage it leaves.
//
// A plan is what the executor would do for one class, worked out once: which fields are allowed, and per
// field its conditions (@IsOptional, @ValidateIf), its rules and where nested objects go (@ValidateNested
// with class-transformer's @Type). Running a plan calls exactly the constraint instances class-validator
// calls (its own isISO8601, length, matches …, with the same arguments), so the rules stay the DTOs'
// decorators and class-validator's code. A plan only ever accepts: anything it does not accept (a failing
// rule, a field it does not know, a class it cannot plan) goes to the ValidationPipe as before, which
// refuses it with its messages, or accepts it when the plan was stricter than needed.
//
// A class is planned only when the plain parsed JSON is, for the handler, what class-transformer's copy
// would be: no property initialisers (a fresh instance has no own value), no methods or accessors, no
// class-transformer rule but @Type on nested fields, no asynchronous or promise rule. The options are the
// API's (VALIDATOR_OPTIONS: whitelist and forbidNonWhitelisted, unknown values forbidden, no groups, no
// skipping); a pipe with others must not use plans.

import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import { TransformationType } from 'class-transformer';
import type * as TransformerStorage from 'class-transformer/types/storage';
import { whenRulesChange } from './validation-metadata-cache';

// class-transformer's rules (@Type, @Transform, @Expose, @Exclude): the storage its plainToInstance reads,
// which the package exports only from this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage: transformerRules } = require('class-transformer/cjs/storage') as typeof TransformerStorage;

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];
type ConstraintMetadata = ReturnType<Storage['getTargetValidatorConstraints']>[number];
type Class = new () => object;

interface Rule {
  metadata: ValidationMetadata;
  /**
   * The constraints' instances, as class-validator's container gives them (its look-up is a linear search, so
   * they are taken once, with the plan).
   */
  validators: ConstraintMetadata['instance'][];
}

interface FieldPlan {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  /** @IsDefined's rules, then the others, in the executor's order. */
  rules: Rule[];
  /**
   * @ValidateNested: the class of class-transformer's @Type for the objects in the field (null when none is
   * declared: class-transformer then copies a plain object, which class-validator refuses), and the schema
   * name the executor looks their rules up under. False: not nested (an object there is free-form).
   */
  nested: { of: Class | null; schema: string } | false;
}

interface ClassPlan {
  className: string;
  allowed: Set<string>;
  fields: FieldPlan[];
}

/** Types of class-validator metadata a plan follows; any other (a promise rule) makes the class unplannable. */
const FOLLOWED = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);
/** Nested "classes" class-transformer converts to rather than copies into. */
const BUILT_INS: unknown[] = [Object, Array, String, Number, Boolean, Date, Map, Set, Promise, Buffer, RegExp];

export class ValidationPlans {
  /** Per class, per schema name (the executor looks nested rules up under the name of the class declaring the field). */
  private plans = new WeakMap<object, Map<string, ClassPlan | null>>();

  constructor(private readonly storage: Storage = getMetadataStorage()) {}

  /** Forgets every plan (made before a rule was registered, it would not follow it). */
  forget(): void {
    this.plans = new WeakMap();
  }

  /**
   * True when `value` is a plain JSON object that class-validator, with the API's options, accepts as an
   * instance of `type` after Nest's and class-transformer's preparation, and that preparation would hand the
   * handler the same fields and values. False means only "not known here": the ValidationPipe decides.
   */
  accepts(type: Class, value: unknown): boolean {
    return isPlainObject(value) && this.acceptsObject(type, undefined, value);
  }

  /** One pass over the object: its keys (allowed, none the copy drops), its fields' rules, nested objects by their plans, free-form ones for dropped keys. */
  private acceptsObject(type: Class, schema: string | undefined, object: object): boolean {
    const plan = this.planOf(type, schema);
    if (!plan) return false;
    for (const key of Object.keys(object)) if (!plan.allowed.has(key) || copyDrops(key)) return false;
    fields: for (const field of plan.fields) {
      const value = (object as Record<string, unknown>)[field.name];
      for (const condition of field.conditions) if (!condition(object, value)) continue fields;
      for (const rule of field.rules) if (!passes(rule, plan.className, object, value)) return false;
      if (field.nested ? value !== undefined && !this.acceptsNested(field.nested, value) : hasKeysTheCopyDrops(value)) return false;
    }
    return true;
  }

  /** As the executor's nestedValidations: an array item by item (undefined items pass), an object by its class, anything else refused. */
  private acceptsNested(nested: Exclude<FieldPlan['nested'], false>, value: unknown): boolean {
    if (Array.isArray(value)) return value.every((item) => item === undefined || this.acceptsNested(nested, item));
    // class-transformer makes any object here an instance of the @Type class, which the executor's instanceof Object accepts.
    if (typeof value !== 'object' || value === null || !nested.of) return false;
    return this.acceptsObject(nested.of, nested.schema, value);
  }

  private planOf(type: Class, schema: string | undefined): ClassPlan | null {
    let bySchema = this.plans.get(type);
    if (!bySchema) this.plans.set(type, (bySchema = new Map<string, ClassPlan | null>()));
    const key = schema ?? '';
    let plan = bySchema.get(key);
    if (plan === undefined) bySchema.set(key, (plan = this.makePlan(type, schema)));
    return plan;
  }

  private makePlan(type: Class, schema: string | undefined): ClassPlan | null {
    const initialised = ownFieldsOfInstance(type);
    if (!initialised) return null;
    // The executor's look-up, with validate()'s arguments for the API's options (not always, no strict groups, no groups).
    const metadatas = this.storage.getTargetValidationMetadatas(type, schema as string, false, false, undefined);
    // forbidUnknownValues refuses an object whose class has no rules.
    if (metadatas.length === 0 || metadatas.some((m) => !FOLLOWED.has(m.type))) return null;
    const grouped = this.storage.groupByPropertyName(metadatas);
    const allowed = new Set(Object.keys(grouped).filter((name) => grouped[name].length > 0));
    // A declared field without rules is an own key of every instance, which whitelisting refuses.
    if (initialised.some((name) => !allowed.has(name))) return null;
    if (!transformsAsIs(type, Object.keys(grouped))) return null;

    const fields: FieldPlan[] = [];
    for (const [name, all] of Object.entries(grouped)) {
      const ofType = (t: string) => all.filter((m) => m.type === t);
      const rules: Rule[] = [];
      for (const metadata of [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)]) {
        const constraints = this.storage.getTargetValidatorConstraints(metadata.constraintCls);
        if (constraints.some((c) => c.async)) return null;
        rules.push({ metadata, validators: constraints.map((c) => c.instance) });
      }
      const typed = transformerRules.findTypeMetadata(type, name);
      const nestedRules = ofType(ValidationTypes.NESTED_VALIDATION);
      let nested: FieldPlan['nested'] = false;
      if (nestedRules.length > 0) {
        if (typed?.options?.discriminator) return null;
        const target = nestedRules[0].target;
        const typeFunction = typed?.typeFunction;
        // A type function that reads its options (the object being built) may answer per value: the pipe's.
        // Any other answers the same class every time: asked once, here (after every module has loaded).
        if (typeFunction && typeFunction.length > 0) return null;
        nested = { of: typeFunction ? checkedClass(typeFunction) : null, schema: typeof target === 'string' ? target : target.name };
      } else if (typed) {
        return null; // @Type on a field that is not nested converts its value (to a Number, a Date …)
      }
      fields.push({ name, conditions: ofType(ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as FieldPlan['conditions'][number]), rules, nested });
    }
    return { className: type.name, allowed, fields };
  }
}

/** The nested class @Type names if class-transformer builds it (not a built-in it converts to); else nothing a plan can accept. */
function checkedClass(typeFunction: () => unknown): Class {
  let type: unknown;
  try {
    type = typeFunction();
  } catch {
    return Unplannable;
  }
  if (typeof type !== 'function' || BUILT_INS.includes(type)) return Unplannable;
  return type as Class;
}

/**
 * A key that Nest's preparation deletes (`prototype`, `constructor`, `__proto__`) or class-transformer's copy
 * skips (any name Object.prototype has: toString, valueOf …): the handler would get the body without it, so
 * the pipe must make that copy.
 */
function copyDrops(key: string): boolean {
  return key === 'prototype' || key in Object.prototype;
}

/** Whether a free-form value (no plan walks it) holds such a key at any depth. */
function hasKeysTheCopyDrops(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      pending.push(...(item as unknown[]));
      continue;
    }
    for (const [key, inner] of Object.entries(item)) {
      if (copyDrops(key)) return true;
      pending.push(inner);
    }
  }
  return false;
}

/** A class without rules: its plan is none, so nothing is accepted through it. */
class Unplannable {}

/** As the executor's customValidations for one rule (validateIf, each, every constraint's validate); a promise is not an answer here. */
function passes(rule: Rule, className: string, object: object, value: unknown): boolean {
  const { metadata } = rule;
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = { targetName: className, property: metadata.propertyName, object, value, constraints: metadata.constraints };
  const each = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
  for (const validator of rule.validators) {
    if (!each) {
      if (!answered(validator.validate(value, args))) return false;
      continue;
    }
    for (const item of value instanceof Map ? value.values() : (value as Iterable<unknown>)) if (!answered(validator.validate(item, args))) return false;
  }
  return true;
}

/** A constraint's answer is a pass only when truthy and not a promise (a rule that is asynchronous without saying so). */
function answered(ok: unknown): boolean {
  return !!ok && typeof (ok as { then?: unknown }).then !== 'function';
}

/**
 * The fields a fresh instance has as own keys (declared fields, all undefined), or null when an instance
 * carries something a plain object lacks: an initialised field, a method or accessor, a constructor that
 * needs arguments.
 */
function ownFieldsOfInstance(type: Class): string[] | null {
  for (let proto = type.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.getOwnPropertyNames(proto).some((n) => n !== 'constructor') || Object.getOwnPropertySymbols(proto).length > 0) return null;
  }
  let instance: object;
  try {
    instance = new type();
  } catch {
    return null;
  }
  if (Object.getOwnPropertySymbols(instance).length > 0 || !Object.values(instance).every((v) => v === undefined)) return null;
  return Object.keys(instance);
}

/** class-transformer copies the fields as they are: no exposure strategy, @Expose, @Exclude or @Transform. */
function transformsAsIs(type: Class, fields: string[]): boolean {
  if (transformerRules.getStrategy(type) !== 'none') return false;
  if (transformerRules.getExposedMetadatas(type).length > 0 || transformerRules.getExcludedMetadatas(type).length > 0) return false;
  return fields.every((name) => transformerRules.findTransformMetadatas(type, name, TransformationType.PLAIN_TO_CLASS).length === 0);
}

/**
 * A JSON object as a body parser makes it: its prototype is Object.prototype (of this realm or another), so
 * not an array, not an instance of a class, and not a query string's prototype-less object.
 */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto !== null && Object.getPrototypeOf(proto) === null && Object.hasOwn(proto, 'hasOwnProperty');
}

/** The API's plans, forgotten whenever a validation or transformation rule is registered later. */
export const validationPlans = new ValidationPlans();
whenRulesChange(() => validationPlans.forget());
for (const method of ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata'] as const) {
  const add: (metadata: never) => void = transformerRules[method].bind(transformerRules);
  (transformerRules as unknown as Record<string, (metadata: never) => void>)[method] = (metadata) => {
    add(metadata);
    validationPlans.forget();
  };
}
