// Channel URLs often carry tokens in their path or query: everything the engine shows or logs about one
// keeps the scheme and host only.

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `https://hooks.example.com/t/abc?token=x` → `https://hooks.example.com/…` (user info dropped too). */
export function redactUrl(url: string): string {
  const u = parsed(url);
  if (!u) return '[a malformed url]';
  const hidden = u.pathname !== '/' || u.search !== '' || u.hash !== '' || u.username !== '' || u.password !== '';
  return `${u.protocol}//${u.host}${hidden ? '/…' : '/'}`;
}

/** Removes from `text` (a receiver's answer) any part of the URL beyond its host: receivers echo paths. */
export function scrubUrl(text: string, url: string): string {
  const u = parsed(url);
  if (!u) return text;
  const secretParts = [
    u.href,
    `${u.pathname}${u.search}`,
    u.pathname === '/' ? '' : u.pathname,
    u.search,
    ...u.pathname.split('/'),
    ...[...u.searchParams.values()],
    u.username,
    u.password,
  ];
  // Longest first, so a whole path goes before its segments; short fragments ("v1", "a") are not secrets.
  const parts = [...new Set(secretParts)].filter((p) => p.length >= 8).sort((a, b) => b.length - a.length);
  let out = text;
  for (const part of parts) out = out.split(part).join('…');
  // A decoded echo of the path or query (receivers often show it so).
  for (const part of parts) {
    let decoded = part;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      // not percent-encoded text
    }
    if (decoded !== part) out = out.split(decoded).join('…');
  }
  return out;
}
