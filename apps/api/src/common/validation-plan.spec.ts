import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ReservationDto } from '../reservations/dto/reservation.dto';
import { OrderCreatedDataDto, ShopWebhookDto } from '../shops/dto/shop-webhook.dto';
import { VoteDto } from '../votes/dto/vote.dto';
import { ValidationPipe } from '@nestjs/common';
import { createValidationPipe, RequestValidationError, VALIDATION_PIPE_OPTIONS } from './validation';
import { validationPlans } from './validation-plan';

type Class = new () => object;

/** The API's pipe as it was before plans: Nest's ValidationPipe with the same options. */
const plain = new ValidationPipe(VALIDATION_PIPE_OPTIONS);

async function classValidatorAccepts(type: Class, body: unknown): Promise<boolean> {
  return plain.transform(structuredClone(body), { type: 'body', metatype: type }).then(
    () => true,
    (err: unknown) => {
      if (err instanceof RequestValidationError) return false;
      throw err;
    },
  );
}

/** The plan's answers are class-validator's, body by body (and never an accept where class-validator refuses). */
async function expectSameAnswers(type: Class, bodies: Record<string, unknown>[]): Promise<void> {
  const answers = await Promise.all(bodies.map(async (body) => ({ body, plan: validationPlans.accepts(type, structuredClone(body)), classValidator: await classValidatorAccepts(type, body) })));
  expect(answers.map((a) => ({ body: a.body, accepted: a.plan }))).toEqual(answers.map((a) => ({ body: a.body, accepted: a.classValidator })));
}

class Line {
  @IsString() @Length(1, 8) id!: string;
  @IsInt() @Max(100) quantity!: number;
}

class Voter {
  @IsString() @Length(1, 16) userId!: string;
}

class Order {
  @IsString() @Length(1, 16) orderId!: string;
  @IsISO8601({ strict: true }) createdAt!: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/) currency?: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => Voter) buyer!: Voter;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

const ORDER = {
  orderId: 'o-1',
  createdAt: '2026-11-24T10:15:30Z',
  currency: 'USD',
  buyer: { userId: 'fan-1' },
  lines: [{ id: 'l1', quantity: 2 }, { id: 'l2', quantity: 100 }],
  tags: ['a', 'b'],
};

const pipe = createValidationPipe();

describe('validation plans', () => {
  it('accepts what class-validator accepts and nothing it refuses, field by field and in nested objects and arrays', async () => {
    const without = (key: keyof typeof ORDER) => Object.fromEntries(Object.entries(ORDER).filter(([k]) => k !== key));
    await expectSameAnswers(Order, [
      ORDER,
      without('currency'),
      { ...ORDER, currency: null },
      { ...ORDER, currency: 'usd' },
      without('orderId'),
      { ...ORDER, orderId: '' },
      { ...ORDER, orderId: 12 },
      { ...ORDER, createdAt: '2026-11-24' },
      { ...ORDER, createdAt: '2026-02-30T10:00:00Z' },
      { ...ORDER, extra: 1 },
      without('buyer'),
      { ...ORDER, buyer: null },
      { ...ORDER, buyer: 'fan-1' },
      { ...ORDER, buyer: [{ userId: 'fan-1' }] },
      { ...ORDER, buyer: { userId: 'fan-1', extra: true } },
      { ...ORDER, buyer: { userId: 'x'.repeat(17) } },
      { ...ORDER, lines: [] },
      { ...ORDER, lines: {} },
      { ...ORDER, lines: [{ id: 'l1', quantity: 101 }] },
      { ...ORDER, lines: [{ id: 'l1', quantity: 1.5 }] },
      { ...ORDER, lines: [{ id: 'l1', quantity: 1 }, 'l2'] },
      { ...ORDER, lines: [{ id: 'l1', quantity: 1 }, null] },
      { ...ORDER, lines: [[{ id: 'l1', quantity: 1 }]] },
      { ...ORDER, lines: [{ id: 'l1', quantity: 1, extra: 0 }] },
      { ...ORDER, tags: ['a', 1] },
      { ...ORDER, tags: 'a' },
    ]);
    // The valid order is the plan's own answer, not a hand-off to the pipe.
    expect(validationPlans.accepts(Order, structuredClone(ORDER))).toBe(true);
  });

  it('follows @ValidateIf and @IsOptional conditions, inherited rules and rules reading the whole object', async () => {
    @ValidatorConstraint({ name: 'after' })
    class After implements ValidatorConstraintInterface {
      validate(value: unknown, args: ValidationArguments): boolean {
        return typeof value === 'number' && value > (args.object as { start: number }).start;
      }
    }
    class Window {
      @IsInt() start!: number;
      @IsInt() @Max(1000) end!: number;
    }
    registerDecorator({ name: 'after', target: Window, propertyName: 'end', validator: After });
    class Named extends Window {
      @IsOptional() @IsString() name?: string;
      @ValidateIf((o: { name?: string }) => o.name === 'dated') @IsISO8601() date?: string;
    }
    await expectSameAnswers(Named, [
      { start: 1, end: 2 },
      { start: 3, end: 2 },
      { start: 1, end: 2000 },
      { start: 1 },
      { start: 1, end: 2, name: 'plain' },
      { start: 1, end: 2, name: 'dated' },
      { start: 1, end: 2, name: 'dated', date: '2026-11-24' },
      { start: 1, end: 2, name: 'plain', date: 'not a date' },
      { start: 1, end: 2, name: 7 },
    ]);
    expect(validationPlans.accepts(Named, { start: 1, end: 2, name: 'dated', date: '2026-11-24' })).toBe(true);
  });

  it('leaves to the pipe every class whose instances differ from the parsed JSON, and a nested object without @Type', async () => {
    class WithDefault {
      @IsOptional() @IsInt() limit: number = 10;
    }
    class WithMethod {
      @IsString() name!: string;
      shout(): string {
        return this.name.toUpperCase();
      }
    }
    class Trimmed {
      @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)) @Length(1, 4) @IsString() code!: string;
    }
    class Converted {
      @Type(() => Number) @IsInt() count!: number;
    }
    class Undeclared {
      @IsString() name!: string;
      note?: string;
    }
    class Untyped {
      @IsDefined() @ValidateNested() buyer!: Voter;
    }
    const unplannable: [Class, Record<string, unknown>][] = [
      [WithDefault, {}],
      [WithMethod, { name: 'a' }],
      [Trimmed, { code: 'ab' }],
      [Converted, { count: 2 }],
      [Untyped, { buyer: { userId: 'fan-1' } }],
    ];
    for (const [type, body] of unplannable) expect({ type: type.name, accepted: validationPlans.accepts(type, body) }).toEqual({ type: type.name, accepted: false });
    // Every instance of Undeclared has a field without rules, which class-validator refuses as not accepted.
    await expectSameAnswers(Undeclared, [{ name: 'a' }]);
    await expectSameAnswers(Untyped, [{ buyer: { userId: 'fan-1' } }]);
  });

  it('leaves asynchronous rules to the pipe', () => {
    let calls = 0;
    @ValidatorConstraint({ name: 'slow', async: true })
    class Slow implements ValidatorConstraintInterface {
      validate(): Promise<boolean> {
        calls++; // e.g. a database look-up: the plan must not start it
        return Promise.resolve(true);
      }
    }
    class Checked {
      @IsString() name!: string;
    }
    registerDecorator({ name: 'slow', target: Checked, propertyName: 'name', validator: Slow });
    expect(validationPlans.accepts(Checked, { name: 'a' })).toBe(false);
    expect(calls).toBe(0);
  });

  it('skips a rule whose validateIf says so, as class-validator does', async () => {
    class Measured {
      @IsIn(['n', 's']) kind!: string;
      @IsInt({ validateIf: (o: { kind: string }) => o.kind === 'n' }) size!: unknown;
    }
    await expectSameAnswers(Measured, [
      { kind: 'n', size: 3 },
      { kind: 'n', size: 'large' },
      { kind: 's', size: 'large' },
    ]);
    expect(validationPlans.accepts(Measured, { kind: 's', size: 'large' })).toBe(true);
  });

  it('accepts only a plain JSON object: not an array, a prototype-less (query) object or a class instance', () => {
    class Named {
      @IsOptional() @IsString() name?: string;
    }
    const query = Object.create(null) as Record<string, string>;
    query.name = 'a';
    for (const value of [[], [{ name: 'a' }], query, Object.assign(new Named(), { name: 'a' }), 'a', null]) expect(validationPlans.accepts(Named, value)).toBe(false);
    expect(validationPlans.accepts(Named, { name: 'a' })).toBe(true);
  });

  it('leaves to the pipe a body holding, at any depth, a key Nest deletes or class-transformer does not copy', async () => {
    class Settings {
      @IsOptional() @IsString() name?: string;
      @IsOptional() @IsObject() templates?: Record<string, unknown>;
    }
    for (const body of [
      { templates: { LAUNCHED: { title: 'x', toString: 'y' } } },
      { templates: { constructor: { title: 'x' } } },
      { templates: { list: [{ prototype: 1 }] } },
      { name: 'a', valueOf: 'b' },
    ]) {
      expect({ body, accepted: validationPlans.accepts(Settings, structuredClone(body)) }).toEqual({ body, accepted: false });
      // What the handler gets is what it got before plans.
      expect(await pipe.transform(structuredClone(body), { type: 'body', metatype: Settings })).toEqual(await plain.transform(structuredClone(body), { type: 'body', metatype: Settings }));
    }
    expect(validationPlans.accepts(Settings, { templates: { LAUNCHED: { title: 'x' } } })).toBe(true);
  });

  it('leaves to the pipe a nested built-in and a @Type that reads what is being built', () => {
    class Dated {
      @IsDefined() @ValidateNested() @Type(() => Date) at!: Date;
    }
    class Chosen {
      @IsDefined() @ValidateNested() @Type((options) => ((options?.object as { kind?: string } | undefined)?.kind === 'v' ? Voter : Line)) item!: object;
      @IsString() kind!: string;
    }
    expect(validationPlans.accepts(Dated, { at: {} })).toBe(false);
    // Built as a Voter, this item is refused; a plan calling the type function without its options would take it for a Line.
    const chosen = { kind: 'v', item: { id: 'l1', quantity: 1 } };
    expect(validationPlans.accepts(Chosen, chosen)).toBe(false);
  });

  it('follows a transformation rule registered after the plan was made', () => {
    class Coded {
      @IsString() code!: string;
    }
    expect(validationPlans.accepts(Coded, { code: ' a ' })).toBe(true);
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))(Coded.prototype, 'code');
    expect(validationPlans.accepts(Coded, { code: ' a ' })).toBe(false);
  });

  it('follows a rule registered after the plan was made', async () => {
    class Late {
      @IsString() name!: string;
    }
    expect(validationPlans.accepts(Late, { name: 'a' })).toBe(true);
    Max(5)(Late.prototype, 'name');
    IsInt()(Late.prototype, 'size');
    await expectSameAnswers(Late, [{ name: 'a' }, { name: 'a', size: 3 }]);
    expect(validationPlans.accepts(Late, { name: 'a', size: 3 })).toBe(false); // Max(5) of a string refuses it
  });

  it('takes the intakes\' valid deliveries itself and refuses none that class-validator accepts', async () => {
    const vote = { productId: 'p-1', optionId: 'option-1', voter: { platform: 'weibo', userId: '58293' }, occurredAt: '2026-11-24T10:15:30Z', attributionCode: 'k3m9q2x7za' };
    const reservation = { productId: 'p-1', variantId: 'm-black', quantity: 2, fan: { platform: 'weibo', userId: '58293' }, occurredAt: '2026-11-24T10:15:30Z' };
    const order = { orderId: 'o-1', createdAt: '2026-11-24T10:15:30Z', currency: 'USD', lines: [{ lineId: '1', productId: 'p-1', variantId: 'm', quantity: 1, unitPriceMinor: 4990 }] };
    for (const [type, body] of [
      [VoteDto, vote],
      [ReservationDto, reservation],
      [OrderCreatedDataDto, order],
      [ShopWebhookDto, { type: 'order.created', data: order }],
    ] as [Class, Record<string, unknown>][]) {
      expect({ type: type.name, accepted: validationPlans.accepts(type, structuredClone(body)) }).toEqual({ type: type.name, accepted: true });
    }
    await expectSameAnswers(VoteDto, [
      { ...vote, voter: { platform: 'myspace', userId: '1' } },
      { ...vote, occurredAt: 'yesterday' },
      { ...vote, attributionCode: 'x' },
      { ...vote, voter: { platform: 'weibo' } },
    ]);
    await expectSameAnswers(ReservationDto, [{ ...reservation, quantity: 11 }, { ...reservation, quantity: '2' }, { ...reservation, fan: undefined }]);
    await expectSameAnswers(OrderCreatedDataDto, [
      { ...order, lines: [{ ...order.lines[0], quantity: 1.5 }] },
      { ...order, lines: [{ ...order.lines[0], unitPriceMinor: -1 }] },
      { ...order, currency: 'US' },
    ]);
  });

  it('never accepts an empty or stray-field body that class-validator refuses, for every DTO of the API', async () => {
    const root = path.resolve(__dirname, '..');
    const dtoFiles = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)dto\/[^/]+\.dto\.ts$/.test(f));
    expect(dtoFiles.length).toBeGreaterThan(20);
    const modules = await Promise.all(dtoFiles.map((f) => import(path.join(root, f)) as Promise<Record<string, unknown>>));
    const classes = modules.flatMap((m) => Object.values(m)).filter((v): v is Class => typeof v === 'function');
    const wrongAccepts: string[] = [];
    for (const type of classes) {
      for (const body of [{}, { stray: 1 }]) {
        // A class the plans leave to the pipe refuses here where class-validator may accept: only accepting is wrong.
        if (validationPlans.accepts(type, structuredClone(body)) && !(await classValidatorAccepts(type, body))) wrongAccepts.push(`${type.name} ${JSON.stringify(body)}`);
      }
    }
    expect(wrongAccepts).toEqual([]);
  });
});

describe('the API\'s ValidationPipe with plans', () => {
  it('answers a body its plan accepts with the body itself, and refuses an invalid one with the same field errors as before', async () => {
    const body = structuredClone(ORDER);
    await expect(pipe.transform(body, { type: 'body', metatype: Order })).resolves.toBe(body);
    const refusal = (await pipe.transform({ ...ORDER, lines: [{ id: 'l1', quantity: 101 }], extra: 1 }, { type: 'body', metatype: Order }).catch((e: unknown) => e)) as RequestValidationError;
    expect(refusal).toBeInstanceOf(RequestValidationError);
    expect(refusal.details).toEqual(
      expect.arrayContaining([
        { field: 'extra', messages: ['extra is not an accepted field'] },
        { field: 'lines.0.quantity', messages: ['lines.0.quantity must not be greater than 100'] },
      ]),
    );
  });

  it('still builds instances where the class needs it (a field\'s default value)', async () => {
    class Paged {
      @IsOptional() @IsInt() limit: number = 10;
    }
    const out: unknown = await pipe.transform({}, { type: 'body', metatype: Paged });
    expect(out).toBeInstanceOf(Paged);
    expect(out).toEqual({ limit: 10 });
  });
});
