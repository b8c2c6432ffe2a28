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
