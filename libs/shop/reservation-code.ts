// Reservation codes: what a holder types at the shop's checkout, so the order that follows carries it.
// Ten characters from a 32-letter alphabet without look-alikes (no I, O, 0, 1): 50 random bits, unguessable.
import { randomInt } from 'node:crypto';

export const RESERVATION_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RESERVATION_CODE_LENGTH = 10;
const SHAPE = new RegExp(`^[${RESERVATION_CODE_ALPHABET}]{${RESERVATION_CODE_LENGTH}}$`);

export function newReservationCode(): string {
  let code = '';
  for (let i = 0; i < RESERVATION_CODE_LENGTH; i++) code += RESERVATION_CODE_ALPHABET[randomInt(RESERVATION_CODE_ALPHABET.length)];
  return code;
}

/** Whether `value` can be a reservation code (customers type them: case and surrounding spaces are forgiven by normaliseReservationCode). */
export function isReservationCode(value: string): boolean {
  return SHAPE.test(value);
}

export function normaliseReservationCode(value: string): string {
  return value.trim().toUpperCase();
}
