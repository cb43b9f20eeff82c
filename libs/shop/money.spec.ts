import { currencyDigits, decimalToMinor } from './money';

describe('decimalToMinor', () => {
  it('turns a decimal price into minor units with the currency\'s own digits', () => {
    expect(decimalToMinor('19.99', 'USD')).toBe(1999);
    expect(decimalToMinor('19.9', 'EUR')).toBe(1990);
    expect(decimalToMinor('20', 'USD')).toBe(2000);
    expect(decimalToMinor('20.00', 'USD')).toBe(2000);
    expect(decimalToMinor('1500', 'JPY')).toBe(1500);
    expect(decimalToMinor('1.234', 'KWD')).toBe(1234);
    expect(decimalToMinor('0.00', 'USD')).toBe(0);
  });

  it('refuses more decimals than the currency has, negative or malformed amounts and unknown currencies', () => {
    expect(decimalToMinor('19.999', 'USD')).toBeNull();
    expect(decimalToMinor('1500.5', 'JPY')).toBeNull();
    expect(decimalToMinor('-1.00', 'USD')).toBeNull();
    expect(decimalToMinor('1e3', 'USD')).toBeNull();
    expect(decimalToMinor('', 'USD')).toBeNull();
    expect(decimalToMinor('1.00', 'usd')).toBeNull();
    expect(currencyDigits('XYZW')).toBeNull();
  });
});
