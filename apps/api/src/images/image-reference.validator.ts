// The values design and sample rounds accept as pictures: an http(s) URL, or the site-relative path of an
// image uploaded to the engine (`/images/<uuid>/<size>`), whose product is checked by ImageReferences.
import { isImagePath } from '@app/images';
import { isURL, ValidateBy, type ValidationOptions } from 'class-validator';

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

export function isImageReference(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 2048 && (isImagePath(value) || isURL(value, URL_OPTIONS));
}

/** Each value (with `{ each: true }`) an http(s) URL or an uploaded image's path; `what` names it in the message. */
export function IsImageReference(what: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isImageReference',
      validator: {
        validate: isImageReference,
        defaultMessage: () => `each ${what} must be an http(s) URL or the path of an uploaded image (/images/<id>/<size>)`,
      },
    },
    options,
  );
}
