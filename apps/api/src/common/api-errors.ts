// Documents a route's error answers in OpenAPI with the shared error body.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The body is not valid JSON.',
  401: 'No API key, or the key is unknown or revoked.',
  403: 'The key\'s role may not do this, or the product belongs to another influencer.',
  404: 'No such resource.',
  409: 'The product\'s stage or state does not accept this action now, or what it would create already exists (a handle, an email); the message says which.',
  422: 'A value is invalid; `details` lists the fields.',
  503: 'PostgreSQL or Temporal is unreachable; retry later.',
};

export function ApiErrors(...statuses: number[]) {
  return applyDecorators(...[...statuses, 503].map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorBody })));
}
