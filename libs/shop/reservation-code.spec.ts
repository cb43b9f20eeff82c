import { isReservationCode, newReservationCode, normaliseReservationCode, RESERVATION_CODE_ALPHABET } from './reservation-code';

describe('reservation codes', () => {
  it('are ten characters of the 32-letter alphabet, and do not repeat', () => {
    expect(RESERVATION_CODE_ALPHABET).toHaveLength(32);
    const codes = Array.from({ length: 2000 }, () => newReservationCode());
    for (const code of codes) expect(isReservationCode(code)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('recognise a code typed in lower case with spaces once normalised, and nothing else', () => {
    expect(isReservationCode(normaliseReservationCode(' abcdefgh23 '))).toBe(true);
    expect(isReservationCode('ABCDEFGH2O')).toBe(false); // O is not in the alphabet
    expect(isReservationCode('SUMMER10')).toBe(false);
  });
});
