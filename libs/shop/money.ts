// Prices as shops send them (decimal strings such as "19.99") in the integer minor units the engine
// stores (1999), with the currency's own number of decimals (JPY has none, KWD three).

/** The currency's minor-unit digits per ISO 4217, as the runtime's Intl data knows them; null for an unknown code. */
export function currencyDigits(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? null;
  } catch {
    return null;
  }
}

/** "19.99" USD → 1999; null when the text is not a non-negative decimal with at most the currency's digits. */
export function decimalToMinor(amount: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  if (digits === null) return null;
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
