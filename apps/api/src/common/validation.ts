// The global ValidationPipe: DTOs are the request shape; anything else is refused with 422 and the
// fields that are wrong.
import { UnprocessableEntityException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './error-body';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
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
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

export class RequestValidationError extends UnprocessableEntityException {
  constructor(readonly details: FieldError[]) {
    super(details.map((d) => d.messages.join('; ')).join('; ') || 'the request is not valid');
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
