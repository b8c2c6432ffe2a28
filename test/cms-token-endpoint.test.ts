/**
 * Markup only, item 1: `token-endpoint` on `<talk-session>`, against a REAL HTTP endpoint (the
 * test runner's dev server serves test/server/token-endpoint.mjs at /test-api/token). Without a
 * `token` attribute the kit asks the endpoint for the first token itself, before `new Session`,
 * and creates the session with it (a first token that never comes: no session, one
 * `token-fetch-failed`). Refreshes are TalkJS's: each test calls the session's
 * `options.tokenFetcher` as TalkJS does before each expiry (or `session.refreshToken()`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkSessionElement } from '../src/index.js';
import type { FakeSession } from '../src/testing/index.js';
import { captureConsole, expectNoLeaks, nextTask, onCleanup, optionsOf, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

/** The page's own fetch, for the endpoint's request counter (never spied on). */
const pageFetch = window.fetch.bind(window);

let scenarios = 0;
/** A scenario name no other test (or earlier run against the same dev server) uses. */
const newScenario = () => `cms-${Date.now()}-${++scenarios}`;

/** The endpoint's URL for `scenario`, with the query-string switches of token-endpoint.mjs. */
function endpoint(scenario: string, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ scenario, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  return `/test-api/token?${params}`;
}

interface EndpointRecord {
  requests: number;
  methods: string[];
  bodies: unknown[];
  cookies: string[];
}

/** What the endpoint saw for `scenario`. */
async function seen(scenario: string): Promise<EndpointRecord> {
  const response = await pageFetch(`/test-api/token/count?scenario=${encodeURIComponent(scenario)}`);
  return (await response.json()) as EndpointRecord;
}

/** Waits until the endpoint has received `n` requests for `scenario`. */
async function untilRequests(scenario: string, n: number): Promise<void> {
  let last = 0;
  const start = performance.now();
  while ((last = (await seen(scenario)).requests) < n) {
    if (performance.now() - start > 5000) throw new Error(`the endpoint saw ${last} request(s) for ${scenario}, expected ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Records every fetch() the page makes (passing it on) until the test ends. */
function spyOnFetch() {
  const requests: Array<{ url: string; init: RequestInit | undefined; response: Promise<Response> }> = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const response = original.call(window, input, init);
    requests.push({ url: String(input instanceof Request ? input.url : input), init, response });
    return response;
  };
  onCleanup(() => {
    window.fetch = original;
  });
  return requests;
}

/** Fast, deterministic retries for tests: `attempts` tries, waits of at most 1 ms. */
const quickRetry = (attempts: number) => ({ attempts, baseDelay: 1, maxDelay: 1 });

/** A `<talk-session app-id="tAPP" user-id="alice" token-endpoint=…>` on the fake, connected (nothing awaited). */
async function place(tokenEndpoint: string, { tokenRetry, token }: PlaceOptions = {}): Promise<TalkSessionElement> {
  const el = document.createElement('talk-session');
  el.setAttribute('app-id', 'tAPP');
  el.setAttribute('user-id', 'alice');
  el.setAttribute('token-endpoint', tokenEndpoint);
  if (token !== undefined) el.setAttribute('token', token);
  if (tokenRetry) el.tokenRetry = tokenRetry;
  el.sdk = fake;
  await fixture(html`<div>${el}</div>`);
  return el;
}

interface PlaceOptions {
  tokenRetry?: object;
  token?: string;
}

/** As {@link place}, and its session once live. */
async function placeSession(tokenEndpoint: string, options: PlaceOptions = {}): Promise<{ el: TalkSessionElement; session: FakeSession }> {
  const el = await place(tokenEndpoint, options);
  await until(() => el.session !== undefined, 'the session', 5000);
  return { el, session: el.session as FakeSession };
}

/**
 * As {@link place} for a first token that never comes: waits for `status` "error" and checks
 * that no session was created (the kit asks the endpoint before `new Session`).
 */
async function placeFailing(tokenEndpoint: string, options: PlaceOptions = {}): Promise<TalkSessionElement> {
  const el = await place(tokenEndpoint, options);
  const ready = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
  await until(() => el.status === 'error', 'status error', 5000);
  await nextTask();
  expect(fake.sessions, 'sessions created without a first token').to.have.length(0);
  expect(el.session).to.equal(undefined);
  expect(ready.events, 'talk-session-ready').to.have.length(0);
  return el;
}

/** The waits (timers) the kit's token code sets from now until the test ends: whether each ran out or was cleared. */
function recordTokenWaits(): Array<{ fired: boolean; cleared: boolean }> {
  const waits: Array<{ id: number; fired: boolean; cleared: boolean }> = [];
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (new Error().stack?.includes('token-fetch') !== true || typeof handler !== 'function') return realSet(handler, delay, ...args);
    const wait = { id: 0, fired: false, cleared: false };
    wait.id = realSet(() => {
      wait.fired = true;
      (handler as (...a: unknown[]) => void)(...args);
    }, delay);
    waits.push(wait);
    return wait.id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const wait = waits.find((w) => w.id === id);
    if (wait && !wait.fired) wait.cleared = true;
    realClear(id);
  }) as typeof window.clearTimeout;
  onCleanup(() => {
    window.setTimeout = realSet;
    window.clearTimeout = realClear;
  });
  return waits;
}

/** The fetcher the kit gave TalkJS (`SessionOptions.tokenFetcher`). */
function fetcherOf(session: FakeSession): () => Promise<string> {
  const fetcher = session.options.tokenFetcher;
  expect(fetcher, 'SessionOptions.tokenFetcher').to.be.a('function');
  return () => Promise.resolve(fetcher!());
}

describe('cms: token-endpoint asks a real HTTP endpoint for the JWT', () => {
  it('no token attribute: the kit asks the endpoint first, then creates the session with { appId, userId, token, tokenFetcher }', async () => {
    const scenario = newScenario();
    const sessionsAtRequest: number[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (sessionsAtRequest.push(fake.sessions.length), realFetch.call(window, input, init));
    onCleanup(() => {
      window.fetch = realFetch;
    });
    const { el, session } = await placeSession(endpoint(scenario));
    await nextTask();
    expect(sessionsAtRequest, 'sessions alive at each request the page made').to.deep.equal([0]);
    expect(fake.sessions).to.have.length(1);
    expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-for-alice-1', tokenFetcher: '<fetcher>' });
    expect((await seen(scenario)).requests, 'requests before TalkJS asked for a refresh').to.equal(1);
    expect(el.status).to.equal('ready');
  });

  it('the first token: POST, credentials same-origin, JSON body { userId }, a plain-text answer is the token', async () => {
    const scenario = newScenario();
    const requests = spyOnFetch();
    document.cookie = 'cms_test_cookie=sent-by-the-browser; path=/';
    onCleanup(() => {
      document.cookie = 'cms_test_cookie=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    });
    const { session } = await placeSession(endpoint(scenario));

    expect(session.options.token).to.equal('jwt-for-alice-1');
    expect(requests).to.have.length(1);
    const { init } = requests[0]!;
    expect(init?.method).to.equal('POST');
    expect(init?.credentials).to.equal('same-origin');
    expect(new Headers(init?.headers).get('content-type')).to.equal('application/json');
    expect(JSON.parse(String(init?.body))).to.deep.equal({ userId: 'alice' });
    const record = await seen(scenario);
    expect(record.requests).to.equal(1);
    expect(record.methods).to.deep.equal(['POST']);
    expect(record.bodies).to.deep.equal([{ userId: 'alice' }]);
    // Same-origin credentials: the page's cookie reached the endpoint.
    expect(record.cookies[0]).to.contain('cms_test_cookie=sent-by-the-browser');
  });

  it('a JSON answer { "token": "…" } gives the token inside it', async () => {
    const scenario = newScenario();
    const { session } = await placeSession(endpoint(scenario, { format: 'json' }));
    expect(session.options.token).to.equal('jwt-for-alice-1');
    expect(await fetcherOf(session)(), 'a refresh').to.equal('jwt-for-alice-2');
    expect((await seen(scenario)).requests).to.equal(2);
  });

  it('every refresh asks the endpoint again and gets a new token, on the same session', async () => {
    const scenario = newScenario();
    const { el, session } = await placeSession(endpoint(scenario));
    expect(session.options.token, 'the first token').to.equal('jwt-for-alice-1');
    const fetcher = fetcherOf(session);
    expect(await fetcher()).to.equal('jwt-for-alice-2');
    expect(await fetcher()).to.equal('jwt-for-alice-3');
    expect(await fetcher()).to.equal('jwt-for-alice-4');
    expect((await seen(scenario)).requests).to.equal(4);
    expect(fake.sessions, 'sessions created').to.have.length(1);
    expect(el.session).to.equal(session);
    expect(session.isAlive).to.equal(true);
  });

  it('with a token attribute: the first token is that one, the endpoint serves the refreshes', async () => {
    const scenario = newScenario();
    const { session } = await placeSession(endpoint(scenario), { token: 'jwt-from-the-page' });
    expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-from-the-page', tokenFetcher: '<fetcher>' });
    expect((await seen(scenario)).requests).to.equal(0);
    expect(await fetcherOf(session)()).to.equal('jwt-for-alice-1');
    expect((await seen(scenario)).requests).to.equal(1);
  });

  it('the body carries the current user id (user-id changes: a new session asks for the new user)', async () => {
    const scenario = newScenario();
    const { el, session } = await placeSession(endpoint(scenario));
    expect(session.options.token).to.equal('jwt-for-alice-1');
    el.setAttribute('user-id', 'bob');
    await until(() => el.session !== undefined && el.session !== session, 'the session for bob');
    expect(session.isAlive, 'the session for alice').to.equal(false);
    const bobs = el.session as FakeSession;
    expect(bobs.options.token, "bob's first token").to.equal('jwt-for-bob-2');
    expect(await fetcherOf(bobs)(), "a refresh of bob's token").to.equal('jwt-for-bob-3');
    expect((await seen(scenario)).bodies).to.deep.equal([{ userId: 'alice' }, { userId: 'bob' }, { userId: 'bob' }]);
  });

  it('changing token-endpoint creates a new session whose first token comes from the new URL', async () => {
    const first = newScenario();
    const second = newScenario();
    const { el, session } = await placeSession(endpoint(first));
    el.setAttribute('token-endpoint', endpoint(second, { format: 'json' }));
    await until(() => el.session !== undefined && el.session !== session, 'the new session');
    expect(session.isAlive).to.equal(false);
    expect(fake.live().sessions).to.equal(1);
    expect((el.session as FakeSession).options.token).to.equal('jwt-for-alice-1');
    expect(await fetcherOf(el.session as FakeSession)()).to.equal('jwt-for-alice-2');
    expect((await seen(first)).requests, 'requests to the old URL: the old session\'s first token').to.equal(1);
    expect((await seen(second)).requests).to.equal(2);
  });
});

describe('cms: token-endpoint under either reading of whether TalkJS asks for the first token (fetchTokens)', () => {
  for (const fetchTokens of [false, true]) {
    it(`fetchTokens ${fetchTokens}: the session has its first token from the endpoint, one request; refreshToken() gets the next one`, async () => {
      fake = sampleFake({ fetchTokens });
      const scenario = newScenario();
      const { session } = await placeSession(endpoint(scenario, { format: 'json' }));
      // A fake that asks for the first token would do so a microtask after the constructor.
      await nextTask();
      await nextTask();
      expect(session.tokens).to.deep.equal(['jwt-for-alice-1']);
      expect((await seen(scenario)).bodies, 'requests: only the kit\'s first one').to.deep.equal([{ userId: 'alice' }]);
      expect(await session.refreshToken()).to.equal('jwt-for-alice-2');
      expect(session.tokens).to.deep.equal(['jwt-for-alice-1', 'jwt-for-alice-2']);
      expect(session.tokenErrors).to.deep.equal([]);
    });

    it(`fetchTokens ${fetchTokens}, with a token attribute: no request at start, the token is the first one`, async () => {
      fake = sampleFake({ fetchTokens });
      const scenario = newScenario();
      const { session } = await placeSession(endpoint(scenario), { token: 'jwt-from-the-page' });
      await nextTask();
      await nextTask();
      expect(session.tokens).to.deep.equal(['jwt-from-the-page']);
      expect((await seen(scenario)).requests).to.equal(0);
    });

    it(`fetchTokens ${fetchTokens}, a failing endpoint: no session, and the page gets one token-fetch-failed`, async () => {
      fake = sampleFake({ fetchTokens });
      const scenario = newScenario();
      const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
      captureConsole({ untilTestEnds: true });
      const el = await placeFailing(endpoint(scenario, { status: 500 }), { tokenRetry: quickRetry(2) });
      expect((await seen(scenario)).requests).to.equal(2);
      expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['token-fetch-failed']);
      expect(errors.events[0]!.target).to.equal(el);
    });
  }
});

describe('cms: token-endpoint failures, retries and removal', () => {
  it('fails twice, then answers: retried, the third answer is the first token, no talk-error', async () => {
    const scenario = newScenario();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const { session } = await placeSession(endpoint(scenario, { fail: 2 }), { tokenRetry: quickRetry(4) });
    expect(session.options.token).to.equal('jwt-for-alice-3');
    expect((await seen(scenario)).requests).to.equal(3);
    expect(errors.events).to.have.length(0);
  });

  it('always failing: exactly `attempts` requests, then exactly one talk-error token-fetch-failed, and no session', async () => {
    const scenario = newScenario();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const console = captureConsole({ untilTestEnds: true });
    const el = await placeFailing(endpoint(scenario, { status: 503 }), { tokenRetry: quickRetry(3) });

    expect((await seen(scenario)).requests).to.equal(3);
    expect(errors.events).to.have.length(1);
    const event = errors.events[0]!;
    expect(event.target).to.equal(el);
    expect(event.detail).to.include({ code: 'token-fetch-failed', attribute: 'token-endpoint' });
    expect(event.detail.message).to.match(/^<talk-session> /);
    expect(event.detail.message).to.contain('503');
    expect(console.errors).to.have.length(1);
  });

  it('a refresh always failing: exactly `attempts` requests, one token-fetch-failed, and the session stays', async () => {
    const scenario = newScenario();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const console = captureConsole({ untilTestEnds: true });
    // The first request answers, every later one answers 503.
    const realFetch = window.fetch;
    let calls = 0;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      realFetch.call(window, ++calls === 1 ? input : String(input).replace(`scenario=${scenario}`, `scenario=${scenario}&status=503`), init);
    onCleanup(() => {
      window.fetch = realFetch;
    });
    const { el, session } = await placeSession(endpoint(scenario), { tokenRetry: quickRetry(3) });
    expect(session.options.token).to.equal('jwt-for-alice-1');

    let failure: unknown;
    await fetcherOf(session)().then(
      () => expect.fail('the fetcher resolved'),
      (error: unknown) => (failure = error),
    );

    expect(String(failure)).to.contain('503');
    expect((await seen(scenario)).requests).to.equal(4);
    await nextTask();
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.target).to.equal(el);
    expect(errors.events[0]!.detail).to.include({ code: 'token-fetch-failed', attribute: 'token-endpoint' });
    expect(console.errors).to.have.length(1);
    // The session stays: TalkJS decides what a missing token means.
    expect(session.isAlive).to.equal(true);
    expect(el.session).to.equal(session);
  });

  it('the default retry makes 4 attempts (401 every time) before token-fetch-failed', async () => {
    const scenario = newScenario();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    // Only the waits are shortened; the number of attempts is the default.
    await placeFailing(endpoint(scenario, { status: 401 }), { tokenRetry: { baseDelay: 1, maxDelay: 1 } });
    expect((await seen(scenario)).requests).to.equal(4);
    expect(errors.of('talk-error').map((e) => e.detail.code)).to.deep.equal(['token-fetch-failed']);
  });

  it('a slow endpoint: the element stays loading (no session) until the first token arrives; during a slow refresh it stays ready', async () => {
    const scenario = newScenario();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const el = await place(endpoint(scenario, { delay: 400 }), { tokenRetry: quickRetry(1) });
    await untilRequests(scenario, 1);
    // The endpoint holds its answer for 400 ms after counting the request.
    expect(el.status).to.equal('loading');
    expect(el.session).to.equal(undefined);
    expect(fake.sessions, 'sessions before the first token').to.have.length(0);
    await until(() => el.session !== undefined, 'the session');
    const session = el.session as FakeSession;
    expect(session.options.token).to.equal('jwt-for-alice-1');

    let settled = false;
    const token = fetcherOf(session)().finally(() => (settled = true));
    await untilRequests(scenario, 2);
    expect(settled, 'settled before the endpoint answered').to.equal(false);
    expect(el.status).to.equal('ready');
    expect(await token).to.equal('jwt-for-alice-2');
    expect((await seen(scenario)).requests).to.equal(2);
    expect(errors.events).to.have.length(0);
  });

  it('removal while the first request is in flight: no session, no talk-error, no console error, no further request', async () => {
    const scenario = newScenario();
    const console = captureConsole({ untilTestEnds: true });
    const requests = spyOnFetch();
    // Fails (slowly) every time: without the abort, a retry would follow the first answer at once.
    const el = await place(endpoint(scenario, { delay: 300, status: 500 }), { tokenRetry: quickRetry(5) });
    const errors = recordEvents(el, ['talk-error', 'talk-session-ready'], { untilTestEnds: true });
    await untilRequests(scenario, 1);
    el.remove();

    // The removal aborts the request: the page sees it fail at once.
    const outcome = await requests[0]!.response.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    expect(outcome).to.equal('AbortError');
    // Retries wait at most 1 ms: one would have been made by now.
    await nextTask();
    await nextTask();
    await nextTask();
    expect(requests, 'requests made').to.have.length(1);
    expect((await seen(scenario)).requests).to.equal(1);
    expect(errors.events).to.have.length(0);
    expect(console.errors).to.have.length(0);
    expect(fake.sessions, 'sessions created').to.have.length(0);
  });

  it('removal while a refresh request is in flight: TalkJS gets a rejection, no talk-error, no further request', async () => {
    const scenario = newScenario();
    const console = captureConsole({ untilTestEnds: true });
    const requests = spyOnFetch();
    const { el, session } = await placeSession(endpoint(scenario, { delay: 300 }), { tokenRetry: quickRetry(5) });
    const errors = recordEvents(el, ['talk-error'], { untilTestEnds: true });
    const outcome = fetcherOf(session)().then(
      () => 'resolved',
      () => 'rejected',
    );
    await untilRequests(scenario, 2);
    el.remove();

    expect(await outcome).to.equal('rejected');
    expect(await requests[1]!.response.then(() => 'answered', (error: unknown) => (error as Error).name)).to.equal('AbortError');
    await nextTask();
    await nextTask();
    expect(requests, 'requests made').to.have.length(2);
    expect((await seen(scenario)).requests).to.equal(2);
    expect(errors.events).to.have.length(0);
    expect(console.errors).to.have.length(0);
    expect(session.isAlive).to.equal(false);
  });

  it('removal during the wait before a retry of the first token: the wait is cleared, no further request, no session, no talk-error', async () => {
    const scenario = newScenario();
    const requests = spyOnFetch();
    // Full jitter picks a wait in [0, baseDelay): pin it near its top so the wait is long.
    const random = Math.random;
    Math.random = () => 0.999;
    onCleanup(() => {
      Math.random = random;
    });
    const waits = recordTokenWaits();
    const el = await place(endpoint(scenario, { status: 500 }), { tokenRetry: { attempts: 5, baseDelay: 500, maxDelay: 500 } });
    const errors = recordEvents(el, ['talk-error', 'talk-session-ready'], { untilTestEnds: true });
    await until(() => waits.length === 1, 'the wait before the first retry');
    expect(requests, 'requests before the wait').to.have.length(1);
    expect((await requests[0]!.response).status).to.equal(500);
    el.remove();

    await until(() => waits[0]!.cleared, 'the wait to be cleared');
    expect(waits[0]!.fired, 'the wait ran out').to.equal(false);
    await nextTask();
    expect(requests, 'requests made').to.have.length(1);
    expect((await seen(scenario)).requests).to.equal(1);
    expect(errors.events).to.have.length(0);
    expect(fake.sessions, 'sessions created').to.have.length(0);
  });
});

describe('cms: token-endpoint input errors', () => {
  it('a value that is not a URL: one talk-error invalid-attribute naming token-endpoint, no session, no request', async () => {
    const requests = spyOnFetch();
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const console = captureConsole({ untilTestEnds: true });
    const el = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" token-endpoint="https://" .sdk=${fake}></talk-session>`);
    await until(() => el.status === 'error', 'status error');
    await nextTask();
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.detail).to.include({ code: 'invalid-attribute', attribute: 'token-endpoint' });
    expect(errors.events[0]!.detail.message).to.contain('token-endpoint="https://"');
    expect(console.errors).to.have.length(1);
    expect(fake.sessions).to.have.length(0);
    expect(requests).to.have.length(0);

    // Fixing it creates the session.
    el.setAttribute('token-endpoint', endpoint(newScenario()));
    await until(() => el.session !== undefined, 'the session after the fix');
    expect(optionsOf(el.session as FakeSession)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-for-alice-1', tokenFetcher: '<fetcher>' });
  });

  it('a URL that stays invalid is reported once, however many other attributes change meanwhile', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const el = await fixture<TalkSessionElement>(html`<talk-session app-id="tAPP" user-id="alice" token-endpoint="https://" .sdk=${fake}></talk-session>`);
    await until(() => el.status === 'error', 'status error');
    el.setAttribute('user-id', 'bob');
    await nextTask();
    el.setAttribute('desktop-notification-enabled', '');
    await nextTask();
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'token-endpoint']]);
    expect(fake.sessions).to.have.length(0);
  });

  it('token-endpoint together with the tokenFetcher property: invalid-attribute naming token-endpoint, no session', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const el = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tAPP" user-id="alice" token-endpoint=${endpoint(newScenario())} .tokenFetcher=${() => Promise.resolve('x')} .sdk=${fake}></talk-session>`,
    );
    await until(() => el.status === 'error', 'status error');
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'token-endpoint']]);
    expect(fake.sessions).to.have.length(0);
  });
});
