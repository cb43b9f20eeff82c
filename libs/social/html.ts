// Text made safe for the share pages' HTML, shared by the page and its sections.
import { asText } from './text';

/** Text safe in both HTML text and quoted attribute values; control characters dropped. */
export function esc(value: unknown): string {
  return asText(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/gu, '')
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

export function oneLine(value: unknown): string {
  return asText(value).replace(/\s+/gu, ' ').trim();
}
