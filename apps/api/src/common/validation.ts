// The global ValidationPipe: DTOs are the request shape; anything else is refused with 422 and the
// fields that are wrong.
import { UnprocessableEntityException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from './error-body';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { validationPlans } from './validation-plan';

// Every DTO check in the API (the global pipe and the pipes that call validate themselves) goes through it.
cacheValidationMetadata();

/** class-validator's errors as field errors, each named by its path (`data.lines.0.quantity`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      out.push({
        field,
        messages: Object.entries(e.constraints).map(([name, msg]) =>
          name === 'whitelistValidation' ? `${field} is not an accepted field` : msg.startsWith(`${e.property} `) ? `${field}${msg.slice(e.property.length)}` : msg,
        ),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export class RequestValidationError extends UnprocessableEntityException {
  constructor(readonly details: FieldError[]) {
    super(details.map((d) => d.messages.join('; ')).join('; ') || 'the request is not valid');
  }
}

/** The rules every DTO is checked with: no field the DTO does not declare, no error echoing the value. */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

/**
 * The ValidationPipe, which first asks the body's plan (validation-plan.ts): a JSON body the plan accepts is
 * the DTO as it came, without class-transformer's copy and class-validator's walk; anything else (a query's
 * object, an array, a body the plan does not accept) goes through the pipe as before, which refuses it with
 * its messages.
 */
class PlannedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (type && this.toValidate(metadata) && validationPlans.accepts(type, value)) return value;
    return super.transform(value, metadata);
  }
}

/** The API's ValidationPipe options: instances built from the body, no implicit conversion, refusals as RequestValidationError. */
export const VALIDATION_PIPE_OPTIONS = {
  ...VALIDATOR_OPTIONS,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors: ValidationError[]) => new RequestValidationError(flattenValidationErrors(errors)),
};

export function createValidationPipe(): ValidationPipe {
  return new PlannedValidationPipe(VALIDATION_PIPE_OPTIONS);
}
