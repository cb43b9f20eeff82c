import { redactUrl, scrubUrl } from './redact';

describe('redactUrl', () => {
  it('keeps the scheme and host (with its port) only', () => {
    expect(redactUrl('https://hooks.example.com/t/abc123?token=xyz')).toBe('https://hooks.example.com/…');
    expect(redactUrl('http://127.0.0.1:8080/hook')).toBe('http://127.0.0.1:8080/…');
    expect(redactUrl('https://user:pass@hooks.example.com/')).toBe('https://hooks.example.com/…');
    expect(redactUrl('https://hooks.example.com/#frag')).toBe('https://hooks.example.com/…');
    expect(redactUrl('https://hooks.example.com')).toBe('https://hooks.example.com/');
    expect(redactUrl('nonsense')).toBe('[a malformed url]');
  });
});

describe('scrubUrl', () => {
  const url = 'https://hooks.example.com/t/tok_12345678abcdef?signature=s3cr3tvalue99&v=1';
  it('removes echoes of the path, query and their values from a receiver answer', () => {
    expect(scrubUrl('Cannot POST /t/tok_12345678abcdef?signature=s3cr3tvalue99&v=1', url)).toBe('Cannot POST …');
    expect(scrubUrl('{"error":"bad signature s3cr3tvalue99 for tok_12345678abcdef"}', url)).toBe('{"error":"bad signature … for …"}');
    expect(scrubUrl('unknown hook https://hooks.example.com/t/tok_12345678abcdef?signature=s3cr3tvalue99&v=1', url)).toBe('unknown hook …');
  });

  it('removes a decoded echo too, and leaves answers without one alone', () => {
    expect(scrubUrl('no hook at /t/ключ-секрет', 'https://h.example.com/t/ключ-секрет')).toBe('no hook at …');
    expect(scrubUrl('{"ok":true}', url)).toBe('{"ok":true}');
  });
});
