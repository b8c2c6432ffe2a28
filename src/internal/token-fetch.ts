/**
 * Getting JWTs for a session: from the `tokenFetcher` property, from a `token-endpoint` URL, or
 * from a page listener of `talk-token-required`, with retries. TalkJS itself does not retry a
 * failing `tokenFetcher`, so the kit does: exponential backoff with full jitter.
 */

/** How failed token fetches are retried. */
export interface TokenRetry {
  /** How many times to try in all (≥ 1). Default 4. */
  readonly attempts: number;
  /** The first retry's upper bound, in milliseconds; it doubles with each retry. Default 500. */
  readonly baseDelay: number;
  /** The most any single wait can be, in milliseconds. Default 8000. */
  readonly maxDelay: number;
}

/** The defaults: 4 attempts, waits of up to 0.5 s, 1 s and 2 s between them (never over 8 s). */
export const DEFAULT_TOKEN_RETRY: TokenRetry = { attempts: 4, baseDelay: 500, maxDelay: 8000 };

/** A failure not worth retrying (nobody will answer). */
export class FinalTokenError extends Error {
  override name = 'FinalTokenError';
}

/** Waits `ms` milliseconds, or rejects as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `promise`, or a rejection as soon as `signal` aborts (a fetch nobody answers ends with its element). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Calls `fetch` until it returns a non-empty token: at most `retry.attempts` times, waiting a
 * random time between 0 and `min(maxDelay, baseDelay × 2^(n-1))` ms before retry n ("full
 * jitter"). Stops at once on a {@link FinalTokenError} or when `signal` aborts (the element
 * went), and rejects with the last error.
 */
export async function fetchWithRetry(fetch: () => Promise<string>, retry: TokenRetry, signal: AbortSignal): Promise<string> {
  const attempts = Math.max(1, Math.floor(retry.attempts));
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    try {
      const token = await untilAborted(fetch(), signal);
      signal.throwIfAborted();
      if (typeof token !== 'string' || token.trim() === '') throw new Error('the token is empty');
      return token.trim();
    } catch (error) {
      if (signal.aborted || error instanceof FinalTokenError || attempt >= attempts) throw error;
    }
    await sleep(Math.random() * Math.min(retry.maxDelay, retry.baseDelay * 2 ** (attempt - 1)), signal);
  }
}

/**
 * Fetches a JWT from `url` the way `token-endpoint` documents: `POST` with
 * `credentials: 'same-origin'` and the JSON body `{ "userId": … }`; the response is the token as
 * plain text, or JSON `{ "token": "…" }`. A response that is not 2xx rejects.
 */
export async function fetchTokenFromEndpoint(url: string, userId: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/plain' },
    body: JSON.stringify({ userId }),
    signal,
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
  const text = (await response.text()).trim();
  if (!text.startsWith('{')) return text;
  const token = (JSON.parse(text) as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error(`${url} answered JSON without a "token" string`);
  return token;
}

/** Where a session's tokens come from: the `tokenFetcher` property, `token-endpoint`, or `talk-token-required` listeners. */
export type TokenSource = 'tokenFetcher' | 'token-endpoint' | 'talk-token-required';

/** What {@link sessionTokenFetcher} needs to know about a session. */
export interface TokenSourceOptions {
  /** The session's user: sent to `token-endpoint`, named in `talk-token-required`. */
  readonly userId: string;
  /** The `token` attribute, if set. */
  readonly token: string | undefined;
  /** The `signature` attribute, if set. */
  readonly signature: string | undefined;
  /** The page's own `tokenFetcher`, if set. */
  readonly tokenFetcher: (() => string | Promise<string>) | undefined;
  /** The `token-endpoint` URL, if set. */
  readonly tokenEndpoint: string | undefined;
  /** How failures are retried. */
  readonly retry: TokenRetry;
  /** Aborted when the session goes: stops fetches and retries. */
  readonly signal: AbortSignal;
  /**
   * Dispatches a cancelable `talk-token-required` with `detail` and returns whether a listener
   * took it (`preventDefault()`).
   */
  readonly ask: (detail: { userId: string; resolve(token: string): void; reject(error?: unknown): void }) => boolean;
  /** Reports the final failure of a fetch (`token-fetch-failed`), naming the source. */
  readonly onFailure: (source: TokenSource, cause: unknown) => void;
}

/**
 * Asks the page for a token with a cancelable `talk-token-required` (through `ask`). Returns the
 * listener's answer, or `undefined` when no listener took the event (so none will answer). Only
 * the first `resolve` or `reject` counts.
 */
export function askForToken(userId: string, ask: TokenSourceOptions['ask']): Promise<string> | undefined {
  let answer!: { resolve(token: string): void; reject(error?: unknown): void };
  const promise = new Promise<string>((resolve, reject) => {
    let settled = false;
    answer = {
      resolve: (token) => (settled ? undefined : ((settled = true), resolve(token))),
      reject: (error) => (settled ? undefined : ((settled = true), reject(error ?? new Error('a talk-token-required listener rejected')))),
    };
  });
  return ask({ userId, ...answer }) ? promise : undefined;
}

/**
 * The `tokenFetcher` the kit gives TalkJS, if any: it gets tokens from the page's `tokenFetcher`,
 * else `token-endpoint`, else `talk-token-required` listeners, with retries, and calls
 * `onFailure` when all attempts failed. With no source and no credentials, a cancelable
 * `talk-token-required` is dispatched now: if a listener takes it, its answer is the first token;
 * if not, there is no fetcher (the session has no auth: fine for development apps without
 * authentication). With `signature` and no other source there is none either.
 */
export function sessionTokenFetcher(options: TokenSourceOptions): (() => Promise<string>) | undefined {
  const { userId, signal } = options;
  const source: TokenSource = options.tokenFetcher ? 'tokenFetcher' : options.tokenEndpoint ? 'token-endpoint' : 'talk-token-required';
  let first: Promise<string> | undefined;
  if (source === 'talk-token-required' && options.token === undefined) {
    if (options.signature !== undefined) return undefined;
    first = askForToken(userId, options.ask);
    if (!first) return undefined;
    first.catch(() => undefined); // consumed by the first fetch below
  }
  const once = (): Promise<string> => {
    if (first) {
      const answer = first;
      first = undefined;
      return answer;
    }
    if (source === 'tokenFetcher') return Promise.resolve().then(() => options.tokenFetcher!());
    if (source === 'token-endpoint') return fetchTokenFromEndpoint(options.tokenEndpoint!, userId, signal);
    return askForToken(userId, options.ask) ?? Promise.reject(new FinalTokenError('no listener answered talk-token-required'));
  };
  return () =>
    fetchWithRetry(once, options.retry, signal).catch((cause: unknown) => {
      if (!signal.aborted) options.onFailure(source, cause);
      throw cause;
    });
}
