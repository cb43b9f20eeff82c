// The one HTTP client of the engine's API for end-to-end and fault suites, benchmarks and the demo: JSON
// in and out, the staff key unless a call names another. Plain Node, no jest globals: bench/ and scripts/
// are compiled with it and run with node.

/**
 * One answer. `T` is the body the caller expects (the API's DTO, e.g. ProductDto, or ErrorBody for a refusal):
 * the client cannot check it, the test's assertions do; `unknown` until a caller names it.
 */
export interface ApiResponse<T = unknown> {
  /** Which call it answers, e.g. `POST /products`. */
  request: string;
  status: number;
  /** The answer parsed as JSON, or its text when it is not JSON (e.g. the docs page). */
  body: T;
  text: string;
}

export interface RequestOptions {
  /** Bearer key; the client's staff key when omitted, none when null. */
  key?: string | null;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a signed webhook delivery, an image's bytes), with a JSON content-type unless `headers` names one. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export type Http = <T = unknown>(method: string, path: string, opts?: RequestOptions) => Promise<ApiResponse<T>>;

/** Anything that talks to the API: a test engine, a fault suite's API process, a benchmark's engine. */
export interface Api {
  http: Http;
}

/** A refused or failed call; the message says which call, what was expected and what came back. */
export class ApiError extends Error {
  constructor(
    readonly response: ApiResponse,
    expected: string,
  ) {
    super(`${response.request}: expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

export interface ApiClientOptions {
  /** Told of every answer and how long it took (benchmarks time the calls this way). */
  onResponse?: (request: { method: string; path: string }, res: ApiResponse<unknown>, ms: number) => void;
}

export function apiClient(baseUrl: string, staffKey: string, opts: ApiClientOptions = {}): Api {
  const http: Http = async <T>(method: string, path: string, req: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const started = performance.now();
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    const key = req.key === undefined ? staffKey : req.key;
    if (key) headers.authorization = `Bearer ${key}`;
    const payload = req.body !== undefined ? JSON.stringify(req.body) : req.rawBody;
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text itself
    }
    const answer: ApiResponse<T> = { request: `${method} ${path}`, status: res.status, body: body as T, text };
    opts.onResponse?.({ method, path }, answer, performance.now() - started);
    return answer;
  };
  return { http };
}

/** The answer's body when the call succeeded (exactly `status` when given, else any 2xx); ApiError otherwise. */
export async function ok<T>(call: Promise<ApiResponse<T>>, status?: number): Promise<T> {
  const res = await call;
  const expected = status === undefined ? res.status >= 200 && res.status < 300 : res.status === status;
  if (!expected) throw new ApiError(res, status === undefined ? 'success' : String(status));
  return res.body;
}
