import 'reflect-metadata';
import { IsInt, IsString, MetadataStorage, validate, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Inner {
  @IsInt()
  n!: number;
}

class Outer {
  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

class Derived extends Outer {
  @IsString()
  extra!: string;
}

const opts = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function outer(name: unknown, n: unknown, extra?: unknown): Outer {
  const inner = Object.assign(new Inner(), { n });
  return extra === undefined ? Object.assign(new Outer(), { name, inner }) : Object.assign(new Derived(), { name, inner, extra });
}

const fields = async (o: object) => (await validate(o, opts)).map((e) => [e.property, ...(e.children ?? []).map((c) => c.property)].join('.'));

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers the same rules as before, for a class, its nested classes and a subclass, however often asked', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await fields(outer('a', 1))).toEqual([]);
      expect(await fields(outer(1, 'x'))).toEqual(['name', 'inner.n']);
      expect(await fields(outer('a', 1, 2))).toEqual(['extra']);
      expect(await fields(Object.assign(outer('a', 1), { stray: true }))).toEqual(['stray']);
    }
  });

  it('asks class-validator once per class and options, not once per validation', async () => {
    const storage = new MetadataStorage();
    let scans = 0;
    const original = storage.getTargetValidationMetadatas.bind(storage);
    storage.getTargetValidationMetadatas = (...args) => {
      scans++;
      return original(...args);
    };
    cacheValidationMetadata(storage);
    for (let i = 0; i < 5; i++) storage.getTargetValidationMetadatas(Outer, '', false, false);
    storage.getTargetValidationMetadatas(Outer, '', true, false);
    storage.getTargetValidationMetadatas(Outer, '', false, false, ['admin']);
    expect(scans).toBe(3);
  });

  it('forgets what it kept when a rule is registered later, so it never answers with stale rules', async () => {
    class Late {
      @IsString()
      a!: string;
      b!: unknown;
    }
    const late = () => Object.assign(new Late(), { a: 'x', b: 'not a number' });
    // b has no rule yet: a field without rules is refused by the whitelist.
    expect(await fields(late())).toEqual(['b']);
    IsInt()(Late.prototype, 'b');
    const errors = await validate(late(), opts);
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['b', ['isInt']]]);
  });
});
