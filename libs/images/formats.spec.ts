// Which Content-Types are accepted and what a body's first bytes say it is.
import { declaredFormat, sniffFormat } from './formats';

const bytes = (...values: (number | string)[]) => Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('declaredFormat', () => {
  it('reads the three accepted types, ignoring case and parameters', () => {
    expect(declaredFormat('image/jpeg')).toBe('jpeg');
    expect(declaredFormat('IMAGE/PNG; charset=binary')).toBe('png');
    expect(declaredFormat(' image/webp ')).toBe('webp');
  });

  it('accepts nothing else: other images, image/jpg, JSON, no header', () => {
    for (const t of ['image/gif', 'image/svg+xml', 'image/jpg', 'image/heic', 'application/json', 'application/octet-stream', '', undefined]) expect(declaredFormat(t)).toBeNull();
  });
});

describe('sniffFormat', () => {
  it('knows JPEG by its SOI marker, PNG by its signature and WebP by RIFF…WEBP', () => {
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg');
    expect(sniffFormat(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('png');
    expect(sniffFormat(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
  });

  it('refuses look-alikes and other formats: GIF, SVG, a RIFF that is not WebP (WAV), a truncated signature, HTML', () => {
    expect(sniffFormat(bytes('GIF89a'))).toBeNull();
    expect(sniffFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffFormat(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '))).toBeNull();
    expect(sniffFormat(bytes(0x89, 'PNG'))).toBeNull();
    expect(sniffFormat(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffFormat(bytes('<html>'))).toBeNull();
    expect(sniffFormat(Buffer.alloc(0))).toBeNull();
  });
});
