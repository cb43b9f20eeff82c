// The pages' one way to the engine: the typed client of libs/api-client on the session cookie (with the
// session's CSRF token on every change), the session itself, and the API's refusals as messages to show.
import { createSessionClient, type Schema } from '../../../libs/api-client';


/** The cookie session as POST /auth/sessions and GET /auth/session answer it. */
export type Session = Schema<'SessionDto'>;
export type Lang = Session['language'];

let session: Session | null = null;
const unauthorizedListeners = new Set<() => void>();

export function currentSession(): Session | null {
  return session;
}

export function setSession(s: Session | null): void {
  session = s;
}

/** Called when any call answers 401: the session has ended or expired. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export const api = createSessionClient({
  baseUrl: location.origin,
  csrfToken: () => session?.csrfToken ?? null,
  // A refused link (POST /auth/sessions) is the page's to explain; any other 401 means the session has ended.
  onUnauthorized: (res) => {
    if (new URL(res.url).pathname !== '/auth/sessions') unauthorizedListeners.forEach((l) => l());
  },
});

/** A refusal or failure, with the API's own message (the error body's `message`). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function messageOf(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    const details = 'details' in body && Array.isArray(body.details) ? (body.details as { field?: string; messages?: string[] }[]) : [];
    const fields = details.flatMap((d) => d.messages ?? []);
    return fields.length > 0 && !fields.every((m) => body.message === m) ? `${body.message}: ${fields.join('; ')}` : body.message;
  }
  return `HTTP ${status}`;
}

/** The answer's data, or ApiFailure with the API's message. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await call;
  } catch {
    throw new ApiFailure(0, 'network');
  }
  if (!answer.response.ok) throw new ApiFailure(answer.response.status, messageOf(answer.response.status, answer.error));
  return answer.data as T;
}

export const auth = {
  /** Staff: mail me a sign-in link (always 202, whether or not the address is known). */
  requestLink: (email: string) => ok(api.POST('/auth/sign-in-links', { body: { email } })),
  /** A sign-in or magic link's token for a cookie session. */
  open: (token: string) => ok(api.POST('/auth/sessions', { body: { token } })),
  current: () => ok(api.GET('/auth/session')),
  signOut: () => ok(api.DELETE('/auth/session')),
};

export type MagicLink = Schema<'MagicLinkDto'> & { url?: string };

export const magicLinks = {
  issue: (id: string): Promise<MagicLink> => ok(api.POST('/influencers/{id}/magic-links', { params: { path: { id } } })),
  list: (id: string): Promise<MagicLink[]> => ok(api.GET('/influencers/{id}/magic-links', { params: { path: { id } } })),
  revoke: (id: string, linkId: string) => ok(api.POST('/influencers/{id}/magic-links/{linkId}/revoke', { params: { path: { id, linkId } } })),
};

export interface Image {
  id: string;
  urls: { thumb: string; display: string; full: string };
}

/** Uploads one image (its bytes as the body) for a design or sample round; the answer's urls are site paths. */
export async function uploadImage(productId: string, file: File, purpose: 'design' | 'sample'): Promise<Image> {
  const headers: Record<string, string> = { 'content-type': file.type || 'application/octet-stream' };
  if (session) headers['x-csrf-token'] = session.csrfToken;
  let res: Response;
  try {
    res = await fetch(`/products/${encodeURIComponent(productId)}/images?purpose=${purpose}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiFailure(0, 'network');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiFailure(res.status, messageOf(res.status, body));
  return body as Image;
}

export type Product = Schema<'ProductDto'>;
export type ProductSummary = Schema<'ProductSummaryDto'>;
export type Influencer = Schema<'InfluencerDto'>;

/** Every product the session may see (pages of 100, newest first), for the board and her phone page. */
export async function allProducts(influencerId?: string): Promise<ProductSummary[]> {
  const items: ProductSummary[] = [];
  let cursor: string | undefined;
  // Twenty pages (2,000 products) is more than a board shows usefully; the rest stay reachable by search in the API.
  for (let page = 0; page < 20; page++) {
    const answer = await ok(api.GET('/products', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}), ...(influencerId ? { influencerId } : {}) } } }));
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

/** Only images the engine serves (site paths) are shown in place: the pages' CSP loads images from 'self' alone. */
export function isOwnImage(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** A URL of the engine's own (a share card) as a site path, so it loads under the pages' CSP wherever PUBLIC_BASE_URL points. */
export function sitePath(url: string): string {
  try {
    const u = new URL(url, location.origin);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** What a refused call says in place: the API's own message, or (no answer at all) that the network failed. */
export function failureMessage(err: unknown, t: (key: 'error.network') => string): string {
  return err instanceof ApiFailure && err.status !== 0 ? err.message : t('error.network');
}
