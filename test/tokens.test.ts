/**
 * Tokens: the kit's retries of a failing `tokenFetcher` (exponential backoff with full jitter,
 * `tokenRetry`), the final `token-fetch-failed`, retries stopping when the element goes, and
 * `talk-token-required` (success, failure, slow answers, removal mid-fetch, nobody answering).
 *
 * The first token is fetched by the kit itself (with retries) BEFORE `new Session`, which gets it
 * as `token` together with the kit's `tokenFetcher`; a first token that never comes means no
 * session and one `token-fetch-failed`. Refreshes are TalkJS's: the tests call the
 * `tokenFetcher` the kit passed in the session's options (or `session.refreshToken()`), under
 * either reading of `fetchTokens`. Retry waits are read from the timers the kit's token code
 * sets (recorded by stack), so the schedule is checked exactly, without timing. Last,
 * `token-endpoint` against a real HTTP endpoint served by the test runner.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import type { TalkErrorDetail, TalkSessionElement } from '../src/index.js';
import type { TokenRequiredDetail } from '../src/internal/events.js';
import { DEFAULT_TOKEN_RETRY, fetchWithRetry } from '../src/internal/token-fetch.js';
import type { FakeSession } from '../src/testing/index.js';
import {
  captureConsole,
  expectNoLeaks,
  nextTask,
  onCleanup,
  optionsOf,
  recordEvents,
  recordTimers,
  sampleFake,
  until,
  watchErrors,
  type ErrorWatch,
  type FakeTalk,
} from './helpers.js';

let fake: FakeTalk;
let watch: ErrorWatch;

beforeEach(() => {
  fake = sampleFake();
  watch = watchErrors();
});

afterEach(async () => {
  expectNothingThrown();
  await expectNoLeaks(fake);
});

/** Nothing thrown out of the kit since the last check (the entries are taken, so each is reported once). */
function expectNothingThrown(): void {
  watch.expectNothingThrown('errors thrown out of the kit or rejections left unhandled');
}

// ---------------------------------------------------------------------------------------------
// Instruments

const fromTokenCode = () => new Error().stack?.includes('token-fetch') === true;

/**
 * Records every timer the kit's token code (`token-fetch.ts`) sets: the retry waits. With
 * `instant`, those timers fire at once (a task later) whatever their delay: fake time for the
 * retry schedule, real timers for everything else.
 */
const recordRetryTimers = ({ instant = false } = {}) => recordTimers('token-fetch', { time: instant ? 'instant' : 'real' });

/** `Math.random()` as called from the token code returns `values` in order (then real randoms). */
function stubJitter(values: number[]): void {
  const real = Math.random;
  Math.random = () => (values.length > 0 && fromTokenCode() ? values.shift()! : real());
  onCleanup(() => (Math.random = real));
}

/** The waits the documented schedule gives for `randoms`: random × min(maxDelay, baseDelay × 2^(n−1)). */
function expectedWaits(retry: { attempts: number; baseDelay: number; maxDelay: number }, randoms: number[]): number[] {
  return randoms.slice(0, retry.attempts - 1).map((r, i) => r * Math.min(retry.maxDelay, retry.baseDelay * 2 ** i));
}

/** A `<talk-session app-id="tAPP" user-id="alice">` on the fake, with `properties` and `attributes`, connected (nothing awaited). */
async function place(
  properties: Partial<Pick<TalkSessionElement, 'tokenFetcher' | 'tokenRetry'>>,
  attributes: Record<string, string> = {},
  beforeConnect?: (el: TalkSessionElement) => void,
): Promise<TalkSessionElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('talk-session');
  el.setAttribute('app-id', 'tAPP');
  el.setAttribute('user-id', 'alice');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.sdk = fake;
  Object.assign(el, properties);
  beforeConnect?.(el);
  host.append(el);
  return el;
}

/** As {@link place}, then waits for its session. */
async function sessionWith(
  properties: Partial<Pick<TalkSessionElement, 'tokenFetcher' | 'tokenRetry'>>,
  attributes: Record<string, string> = {},
  beforeConnect?: (el: TalkSessionElement) => void,
): Promise<{ el: TalkSessionElement; session: FakeSession }> {
  const el = await place(properties, attributes, beforeConnect);
  await until(() => el.session !== undefined, 'the session');
  return { el, session: fake.sessions.at(-1)! };
}

/**
 * As {@link place} for a first token that never comes: waits for `status` "error", then checks
 * that no session was ever created (the kit fetches the first token before `new Session`).
 */
async function failedStart(
  properties: Partial<Pick<TalkSessionElement, 'tokenFetcher' | 'tokenRetry'>>,
  attributes: Record<string, string> = {},
  beforeConnect?: (el: TalkSessionElement) => void,
): Promise<TalkSessionElement> {
  const el = await place(properties, attributes, beforeConnect);
  const ready = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
  await until(() => el.status === 'error', 'status error');
  await nextTask();
  expect(fake.sessions, 'sessions created without a first token').to.have.length(0);
  expect(el.session).to.equal(undefined);
  expect(ready.events, 'talk-session-ready').to.have.length(0);
  return el;
}

/** The `tokenFetcher` the kit gave TalkJS, called as TalkJS calls it. */
function sdkFetcher(session: FakeSession): () => Promise<string> {
  const fetcher = session.options.tokenFetcher;
  expect(fetcher, 'options.tokenFetcher').to.be.a('function');
  return () => Promise.resolve(fetcher!());
}

/** Settles `promise` into a result object (so a rejection is never left unhandled). */
async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectOneTokenFailure(source: string, cause?: unknown): TalkErrorDetail {
  const details = watch.errors.of('talk-error').map((event) => event.detail as TalkErrorDetail);
  expect(
    details.map((d) => `${d.code}: ${d.message}`),
    'talk-error events',
  ).to.have.length(1);
  const detail = details[0]!;
  expect(detail.code).to.equal('token-fetch-failed');
  expect(detail.attribute).to.equal(source);
  expect(detail.message).to.include('<talk-session>').and.to.include(source);
  if (cause !== undefined) expect(detail.cause).to.equal(cause);
  expect(watch.console.errors, 'console.error calls').to.have.length(1);
  expect(String(watch.console.errors[0]![0])).to.include('<talk-session>').and.to.include(source);
  expectNothingThrown();
  return detail;
}

function expectNoErrors(): void {
  expect(
    watch.errors.events.map((event) => (event.detail as TalkErrorDetail).message),
    'talk-error events',
  ).to.deep.equal([]);
  expect(watch.console.errors, 'console.error calls').to.deep.equal([]);
  expectNothingThrown();
}

// ---------------------------------------------------------------------------------------------

describe('tokens: the first token is fetched by the kit before the session is created', () => {
  const scenario = () => `tokens-first-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  /** Each token source, set up so that every answer is `<prefix>-<n>`, with a record of how many sessions existed at each answer. */
  const sources = [
    {
      name: 'tokenFetcher',
      setUp(sessionsAtCall: number[]) {
        let n = 0;
        return {
          properties: { tokenFetcher: () => (sessionsAtCall.push(fake.sessions.length), Promise.resolve(`jwt-${++n}`)) },
          attributes: {},
          token: (i: number) => `jwt-${i}`,
        };
      },
    },
    {
      name: 'token-endpoint',
      setUp(sessionsAtCall: number[]) {
        const realFetch = window.fetch;
        window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (sessionsAtCall.push(fake.sessions.length), realFetch.call(window, input, init));
        onCleanup(() => (window.fetch = realFetch));
        return { properties: {}, attributes: { 'token-endpoint': `/test-api/token?scenario=${scenario()}` }, token: (i: number) => `jwt-for-alice-${i}` };
      },
    },
    {
      name: 'talk-token-required',
      setUp(sessionsAtCall: number[]) {
        let n = 0;
        const listener = (event: Event) => {
          sessionsAtCall.push(fake.sessions.length);
          event.preventDefault();
          (event as CustomEvent<TokenRequiredDetail>).detail.resolve(`jwt-event-${++n}`);
        };
        document.addEventListener('talk-token-required', listener);
        onCleanup(() => document.removeEventListener('talk-token-required', listener));
        return { properties: {}, attributes: {}, token: (i: number) => `jwt-event-${i}` };
      },
    },
  ] as const;

  for (const source of sources) {
    for (const fetchTokens of [false, true]) {
      it(`${source.name}, no token, a fake whose session ${fetchTokens ? 'would also ask' : 'never asks'} for the first token (fetchTokens ${fetchTokens}): the session is created with the kit's first token`, async () => {
        fake = sampleFake({ fetchTokens });
        const sessionsAtCall: number[] = [];
        const { properties, attributes, token } = source.setUp(sessionsAtCall);
        const { el, session } = await sessionWith(properties, attributes);
        await nextTask();
        await nextTask();
        expect(sessionsAtCall, 'sessions alive at each token request').to.deep.equal([0]);
        expect(fake.sessions).to.have.length(1);
        expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: token(1), tokenFetcher: '<fetcher>' });
        expect(session.tokens, 'the tokens the session has had').to.deep.equal([token(1)]);
        expect(session.tokenErrors).to.deep.equal([]);
        expect(el.status).to.equal('ready');
        // Refreshes go through the fetcher TalkJS holds.
        expect(await session.refreshToken()).to.equal(token(2));
        expect(sessionsAtCall).to.deep.equal([0, 1]);
        expect(session.tokens).to.deep.equal([token(1), token(2)]);
        expectNoErrors();
      });
    }
  }

  it('while the first token is on its way: status loading, no session, no talk-session-ready; then the session with that token', async () => {
    let answer!: (token: string) => void;
    let calls = 0;
    const el = await place({ tokenFetcher: () => (calls++, new Promise<string>((resolve) => (answer = resolve))) });
    const ready = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
    await until(() => calls === 1, 'the first token request');
    await nextTask();
    expect(el.status).to.equal('loading');
    expect(el.session).to.equal(undefined);
    expect(fake.sessions, 'sessions before the first token').to.have.length(0);
    expect(ready.events).to.have.length(0);
    answer('jwt-slow-first');
    await until(() => el.session !== undefined, 'the session');
    expect(optionsOf(fake.sessions[0]!)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-slow-first', tokenFetcher: '<fetcher>' });
    expect(calls).to.equal(1);
    expect(ready.events).to.have.length(1);
    expectNoErrors();
  });
});

describe('tokens: retries of a failing tokenFetcher', () => {
  it('the documented defaults: 4 attempts, waits of up to 0.5 s, 1 s, 2 s, never over 8 s; a first token that never comes: no session, one token-fetch-failed', async () => {
    expect(DEFAULT_TOKEN_RETRY).to.deep.equal({ attempts: 4, baseDelay: 500, maxDelay: 8000 });
    // With no tokenRetry, the element uses them: 4 calls, each wait under its bound (fake time).
    const timers = recordRetryTimers({ instant: true });
    stubJitter([0.999, 0.999, 0.999]);
    let calls = 0;
    const failure = new Error('token server down');
    const el = await failedStart({ tokenFetcher: () => (calls++, Promise.reject(failure)) });
    expect(calls, 'tokenFetcher calls').to.equal(4);
    const waits = timers.timers.map((t) => t.delay);
    expect(waits).to.have.length(3);
    waits.forEach((wait, i) => expect(wait, `wait ${i + 1}`).to.be.closeTo(0.999 * [500, 1000, 2000][i]!, 1e-9));
    const detail = expectOneTokenFailure('tokenFetcher', failure);
    expect(watch.errors.events[0]!.target, 'the error is dispatched on the session element').to.equal(el);
    expect(detail.message).to.include('token server down');
    expect(el.status).to.equal('error');
  });

  it('a refresh with attempts 5, baseDelay 8, maxDelay 20: 5 calls, waits = jitter × 8, 16, 20, 20 ms, then exactly one token-fetch-failed; the session stays', async () => {
    const retry = { attempts: 5, baseDelay: 8, maxDelay: 20 };
    const randoms = [0.5, 0.75, 0.999, 0.25];
    const timers = recordRetryTimers();
    stubJitter([...randoms]);
    const times: number[] = [];
    const errors = [1, 2, 3, 4, 5].map((n) => new Error(`failure ${n}`));
    let first = true;
    const tokenFetcher = () => {
      if (first) {
        first = false;
        return Promise.resolve('jwt-first');
      }
      times.push(performance.now());
      return Promise.reject(errors[times.length - 1]);
    };
    const { el, session } = await sessionWith({ tokenFetcher, tokenRetry: retry });
    expect(session.options.token, 'the first token').to.equal('jwt-first');
    expect(timers.timers, 'retry waits for the first token').to.have.length(0);
    const onElement = recordEvents(el, ['talk-error'], { untilTestEnds: true });

    const result = await settle(sdkFetcher(session)());
    expect(result, 'what TalkJS gets: the last failure').to.deep.equal({ ok: false, error: errors[4] });
    expect(times, 'tokenFetcher calls for the refresh').to.have.length(5);
    const waits = expectedWaits(retry, randoms);
    expect(timers.timers.map((t) => t.delay)).to.have.length(4);
    timers.timers.forEach((timer, i) => expect(timer.delay, `wait before retry ${i + 1}`).to.be.closeTo(waits[i]!, 1e-9));
    for (const wait of timers.timers.map((t) => t.delay)) expect(wait).to.be.within(0, retry.maxDelay);
    // The waits are checked exactly on the timers the kit set (above), not on the wall clock: Firefox
    // rounds performance.now() and may run a timer a rounding early, so measured gaps say nothing
    // more. Each retry still came after its own timer: one call per fired timer, in order.
    expect(times, 'one call per attempt, in order').to.deep.equal([...times].sort((a, b) => a - b));
    expect(timers.outstanding(), 'retry timers still pending').to.deep.equal([]);
    await nextTask();
    expectOneTokenFailure('tokenFetcher', errors[4]);
    expect(onElement.events[0]!.target, 'the error is dispatched on the session element').to.equal(el);
    expect(fake.sessions).to.have.length(1);
    expect(session.isAlive, 'the session stays').to.equal(true);
    expect(el.session).to.equal(session);
  });

  it('the schedule for any tokenRetry and any jitter (property, fake time): attempts calls, wait n = random × min(maxDelay, baseDelay × 2^(n−1))', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ attempts: fc.integer({ min: 1, max: 8 }), baseDelay: fc.integer({ min: 0, max: 5000 }), maxDelay: fc.integer({ min: 0, max: 20000 }) }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 8 }),
        async (retry, randoms, succeedAt) => {
          runs++;
          const timers = recordRetryTimers({ instant: true });
          stubJitter([...randoms]);
          let calls = 0;
          const result = await settle(
            fetchWithRetry(
              () => (++calls === succeedAt ? Promise.resolve(' jwt-ok ') : Promise.reject(new Error(`no ${calls}`))),
              retry,
              new AbortController().signal,
            ),
          );
          timers.restore();
          const succeeds = succeedAt >= 1 && succeedAt <= retry.attempts;
          expect(calls).to.equal(succeeds ? succeedAt : retry.attempts);
          if (succeeds) expect(result).to.deep.equal({ ok: true, value: 'jwt-ok' });
          else expect(result.ok === false && (result.error as Error).message, 'the last failure').to.equal(`no ${retry.attempts}`);
          const waits = expectedWaits(retry, randoms).slice(0, calls - 1);
          expect(timers.timers.map((t) => t.delay)).to.deep.equal(waits);
          for (const wait of waits) expect(wait).to.be.within(0, retry.maxDelay);
        },
      ),
      { numRuns: 150 },
    );
    expect(runs).to.be.at.least(150);
    expectNoErrors();
  });

  it('fails twice, then answers: the session is created with the third answer, no talk-error; a refresh starts afresh', async () => {
    recordRetryTimers({ instant: true });
    let calls = 0;
    const { session } = await sessionWith({
      tokenFetcher: () => (++calls < 3 ? Promise.reject(new Error(`down ${calls}`)) : Promise.resolve(`jwt-${calls}`)),
      tokenRetry: { attempts: 4, baseDelay: 50, maxDelay: 50 },
    });
    expect(calls).to.equal(3);
    expect(fake.sessions).to.have.length(1);
    expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-3', tokenFetcher: '<fetcher>' });
    // A later refresh starts afresh: one call.
    expect(await sdkFetcher(session)()).to.equal('jwt-4');
    expect(calls).to.equal(4);
    expectNoErrors();
  });

  it('a fetcher that throws synchronously, or answers an empty token, counts as a failed attempt', async () => {
    recordRetryTimers({ instant: true });
    const answers: Array<() => string | Promise<string>> = [
      () => {
        throw new Error('sync throw');
      },
      () => '',
      () => Promise.resolve('   '),
      () => ' jwt-trimmed ',
    ];
    let calls = 0;
    const { session } = await sessionWith({ tokenFetcher: () => answers[calls++]!(), tokenRetry: { attempts: 4, baseDelay: 1, maxDelay: 1 } });
    expect(calls).to.equal(4);
    expect(session.options.token, 'the first token').to.equal('jwt-trimmed');
    expectNoErrors();
  });

  it('element removed while retrying the first token: the retries stop (no further calls, no timer left), no session, no talk-error', async () => {
    const timers = recordRetryTimers();
    let calls = 0;
    const el = await place({ tokenFetcher: () => (calls++, Promise.reject(new Error('down'))), tokenRetry: { attempts: 1000, baseDelay: 5, maxDelay: 5 } });
    const onElement = recordEvents(el, ['talk-error', 'talk-token-required', 'talk-session-ready'], { untilTestEnds: true });
    await until(() => calls >= 3, 'three attempts');
    el.remove();
    await until(() => timers.timers.some((t) => t.cleared), 'the pending wait to be cleared');
    await nextTask();
    const callsAtRemoval = calls;
    await nextTask();
    await nextTask();
    expect(calls, 'tokenFetcher calls after removal').to.equal(callsAtRemoval);
    expect(timers.outstanding(), 'retry timers left pending').to.deep.equal([]);
    expect(fake.sessions, 'sessions created').to.have.length(0);
    expect(onElement.events, 'events from the removed element').to.deep.equal([]);
    expectNoErrors();
  });

  it('element removed while a refresh is retrying: the retries stop (no further calls, no timer left), no talk-error, TalkJS gets a rejection', async () => {
    const timers = recordRetryTimers();
    let calls = 0;
    const { el, session } = await sessionWith({
      tokenFetcher: () => (++calls === 1 ? Promise.resolve('jwt-first') : Promise.reject(new Error('down'))),
      tokenRetry: { attempts: 1000, baseDelay: 5, maxDelay: 5 },
    });
    const onElement = recordEvents(el, ['talk-error', 'talk-token-required'], { untilTestEnds: true });
    const pending = settle(sdkFetcher(session)());
    await until(() => calls >= 4, 'three attempts of the refresh');
    el.remove();
    const result = await pending;
    // The retry loop has ended (its promise settled): nothing can call the fetcher again.
    expect(result.ok, 'TalkJS gets a rejection').to.equal(false);
    await nextTask();
    const callsAtRemoval = calls;
    await nextTask();
    await nextTask();
    expect(calls, 'tokenFetcher calls after removal').to.equal(callsAtRemoval);
    expect(timers.outstanding(), 'retry timers left pending').to.deep.equal([]);
    expect(
      timers.timers.some((t) => t.cleared),
      'the pending wait was cleared',
    ).to.equal(true);
    expect(onElement.events, 'events from the removed element').to.deep.equal([]);
    expectNoErrors();
    // TalkJS calling the old fetcher again gets a rejection without any call of the page's fetcher.
    expect((await settle(sdkFetcher(session)())).ok).to.equal(false);
    expect(calls).to.equal(callsAtRemoval);
    expectNoErrors();
  });

  it('element removed while the fetcher is still answering the first token: its late answer is dropped, no session, no retry, no talk-error', async () => {
    let answer!: (token: string) => void;
    let calls = 0;
    const el = await place({ tokenFetcher: () => (calls++, new Promise<string>((resolve) => (answer = resolve))) });
    const onElement = recordEvents(el, ['talk-error', 'talk-session-ready'], { untilTestEnds: true });
    await until(() => calls === 1, 'the call');
    el.remove();
    await nextTask();
    await nextTask();
    answer('jwt-late');
    await nextTask();
    await nextTask();
    expect(calls).to.equal(1);
    expect(fake.sessions, 'sessions created for the removed element').to.have.length(0);
    expect(onElement.events).to.deep.equal([]);
    expectNoErrors();
  });

  it('element removed while the fetcher is still answering a refresh: its late answer is dropped, no retry, no talk-error', async () => {
    let answer!: (token: string) => void;
    let calls = 0;
    const { el, session } = await sessionWith({
      tokenFetcher: () => (++calls === 1 ? Promise.resolve('jwt-first') : new Promise<string>((resolve) => (answer = resolve))),
    });
    const pending = settle(sdkFetcher(session)());
    await until(() => calls === 2, 'the refresh call');
    el.remove();
    await nextTask();
    await nextTask();
    answer('jwt-late');
    const result = await pending;
    expect(result.ok, 'TalkJS does not get a token for a removed element').to.equal(false);
    await nextTask();
    expect(calls).to.equal(2);
    expectNoErrors();
  });
});

describe('tokens: signature with a token source', () => {
  for (const [name, properties, attributes] of [
    ['the tokenFetcher property', { tokenFetcher: () => Promise.resolve('jwt-x') }, {}],
    ['token-endpoint', {}, { 'token-endpoint': '/test-api/token?scenario=signature-conflict' }],
  ] as const) {
    it(`signature with ${name}: one talk-error invalid-attribute naming signature, no token request, no session; removing signature fixes it`, async () => {
      let fetcherCalls = 0;
      const fetches: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (fetches.push(String(input)), realFetch.call(window, input, init));
      onCleanup(() => (window.fetch = realFetch));
      const tokenFetcher = 'tokenFetcher' in properties ? () => (fetcherCalls++, properties.tokenFetcher()) : undefined;
      const el = await place(tokenFetcher ? { tokenFetcher } : {}, { ...attributes, signature: 'hmac' });
      await until(() => el.status === 'error', 'status error');
      await nextTask();
      await nextTask();
      const details = watch.errors.events.map((event) => event.detail as TalkErrorDetail);
      expect(details.map((d) => [d.code, d.attribute])).to.deep.equal([['invalid-attribute', 'signature']]);
      expect(details[0]!.message).to.include('signature');
      expect(watch.console.errors, 'console.error calls').to.have.length(1);
      expect(fake.sessions, 'sessions created').to.have.length(0);
      expect(el.session).to.equal(undefined);
      expect(fetcherCalls, 'tokenFetcher calls').to.equal(0);
      expect(fetches, 'requests to the token endpoint').to.deep.equal([]);
      expectNothingThrown();

      el.removeAttribute('signature');
      await until(() => el.session !== undefined, 'the session once signature is gone');
      expect(fake.sessions[0]!.options).to.not.have.property('signature');
      expect(fake.sessions[0]!.options.token, 'a first token from the source').to.be.a('string');
      expect(watch.errors.events, 'no further talk-error').to.have.length(1);
    });
  }
});

describe('tokens: talk-token-required', () => {
  /** Listens to talk-token-required on `target`, calling `answer` with each event. */
  function onTokenRequired(target: EventTarget, answer: (event: CustomEvent<TokenRequiredDetail>) => void) {
    const events: CustomEvent<TokenRequiredDetail>[] = [];
    const listener = (event: Event) => {
      events.push(event as CustomEvent<TokenRequiredDetail>);
      answer(event as CustomEvent<TokenRequiredDetail>);
    };
    target.addEventListener('talk-token-required', listener);
    onCleanup(() => target.removeEventListener('talk-token-required', listener));
    return events;
  }

  it("taken (preventDefault) and resolved: the answer is the session's first token, with the kit's tokenFetcher; each refresh asks again", async () => {
    let n = 0;
    const sessionsAtEvent: number[] = [];
    const events = onTokenRequired(document, (event) => {
      sessionsAtEvent.push(fake.sessions.length);
      event.preventDefault();
      event.detail.resolve(`jwt-event-${++n}`);
    });
    const { el, session } = await sessionWith({});
    expect(events, 'talk-token-required at creation').to.have.length(1);
    expect(sessionsAtEvent, 'sessions when the first token was asked for').to.deep.equal([0]);
    const event = events[0]!;
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(el);
    expect(event.detail.userId).to.equal('alice');
    expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-event-1', tokenFetcher: '<fetcher>' });
    expect(await sdkFetcher(session)(), 'a refresh').to.equal('jwt-event-2');
    expect(events).to.have.length(2);
    expect(await sdkFetcher(session)(), 'another refresh').to.equal('jwt-event-3');
    expect(events).to.have.length(3);
    expectNoErrors();
  });

  it('a slow answer (after 60 ms) is the first token; the element waits for it (loading, no session)', async () => {
    const events = onTokenRequired(document, (event) => {
      event.preventDefault();
      setTimeout(() => event.detail.resolve('jwt-slow'), 60);
    });
    const el = await place({});
    await until(() => events.length === 1, 'talk-token-required');
    expect(el.status).to.equal('loading');
    expect(fake.sessions).to.have.length(0);
    await until(() => el.session !== undefined, 'the session');
    expect(fake.sessions[0]!.options.token).to.equal('jwt-slow');
    expectNoErrors();
  });

  it('only the first answer counts (resolve then reject, or twice)', async () => {
    onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.resolve('jwt-first');
      event.detail.reject(new Error('too late'));
      event.detail.resolve('jwt-second');
    });
    const { session } = await sessionWith({});
    expect(session.options.token).to.equal('jwt-first');
    expect(await sdkFetcher(session)(), 'a refresh').to.equal('jwt-first');
    expectNoErrors();
  });

  it('rejected every time: retried (a new event each attempt), then exactly one token-fetch-failed naming talk-token-required, no session', async () => {
    recordRetryTimers({ instant: true });
    const failure = new Error('no token for you');
    const events = onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.reject(failure);
    });
    await failedStart({ tokenRetry: { attempts: 3, baseDelay: 10, maxDelay: 10 } });
    expect(events, 'talk-token-required events: one per attempt').to.have.length(3);
    expectOneTokenFailure('talk-token-required', failure);
  });

  it('reject() without a reason still fails with an Error', async () => {
    recordRetryTimers({ instant: true });
    onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.reject();
    });
    await failedStart({ tokenRetry: { attempts: 2, baseDelay: 1, maxDelay: 1 } });
    const detail = expectOneTokenFailure('talk-token-required');
    expect(detail.cause).to.be.instanceOf(Error);
  });

  it('element removed while the listener has not answered the first request: no error, no further event, no session; the late answer is dropped', async () => {
    const unanswered: TokenRequiredDetail[] = [];
    const el = await place({}, {}, (element) => {
      // On the element itself: events from a removed element do not reach the document.
      onTokenRequired(element, (event) => {
        event.preventDefault();
        unanswered.push(event.detail);
      });
    });
    await until(() => unanswered.length === 1, 'the creation-time request');
    const onElement = recordEvents(el, ['talk-token-required', 'talk-error', 'talk-session-ready'], { untilTestEnds: true });
    expect(el.status).to.equal('loading');
    el.remove();
    await nextTask();
    await nextTask();
    unanswered[0]!.resolve('jwt-late');
    await nextTask();
    await nextTask();
    expect(fake.sessions, 'sessions created for the removed element').to.have.length(0);
    expect(onElement.events, 'events dispatched after removal').to.deep.equal([]);
    expect(unanswered, 'no further talk-token-required').to.have.length(1);
    expectNoErrors();
  });

  it('element removed while the listener never answers a refresh: the promise TalkJS holds settles (rejected) with the removal', async () => {
    let n = 0;
    const { el, session } = await sessionWith({}, {}, (element) => {
      onTokenRequired(element, (event) => {
        event.preventDefault();
        if (++n === 1) event.detail.resolve('jwt-first');
      });
    });
    expect(session.options.token).to.equal('jwt-first');
    let settled = false;
    const pending = settle(sdkFetcher(session)()).then((result) => {
      settled = true;
      return result;
    });
    await nextTask();
    expect(n, 'talk-token-required for the refresh').to.equal(2);
    expect(settled, 'still waiting for the listener').to.equal(false);
    el.remove();
    await until(() => settled, 'the fetch to settle after the removal');
    expect((await pending).ok).to.equal(false);
    expectNoErrors();
  });

  it('nobody takes it and there are no credentials: the session is made without tokenFetcher (apps without authentication)', async () => {
    const events = onTokenRequired(document, () => undefined);
    const { session } = await sessionWith({});
    expect(events).to.have.length(1);
    expect(events[0]!.defaultPrevented).to.equal(false);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'alice' });
    expectNoErrors();
  });

  it('token set: no event at creation; a refresh nobody answers → one token-fetch-failed at once (not retried)', async () => {
    const timers = recordRetryTimers();
    const events = onTokenRequired(document, () => undefined);
    const { session } = await sessionWith({ tokenRetry: { attempts: 5, baseDelay: 1, maxDelay: 1 } }, { token: 'jwt-given' });
    expect(events, 'talk-token-required at creation').to.have.length(0);
    expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', token: 'jwt-given', tokenFetcher: '<fetcher>' });
    const result = await settle(sdkFetcher(session)());
    expect(result.ok).to.equal(false);
    expect(events, 'talk-token-required for the refresh').to.have.length(1);
    expect(timers.timers, 'retry waits').to.have.length(0);
    await nextTask();
    expectOneTokenFailure('talk-token-required');
  });

  it('token set and a listener answering refreshes: TalkJS gets the fresh token', async () => {
    onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.resolve('jwt-refreshed');
    });
    const { session } = await sessionWith({}, { token: 'jwt-given' });
    expect(session.options.token).to.equal('jwt-given');
    expect(await sdkFetcher(session)()).to.equal('jwt-refreshed');
    expectNoErrors();
  });

  it('signature set: no event and no tokenFetcher (legacy signatures are not refreshed)', async () => {
    const events = onTokenRequired(document, (event) => event.preventDefault());
    const { session } = await sessionWith({}, { signature: 'hmac' });
    expect(events).to.have.length(0);
    expect(session.options).to.deep.equal({ appId: 'tAPP', userId: 'alice', signature: 'hmac' });
    expectNoErrors();
  });

  it('tokenFetcher set: its answers win (first token and refreshes), no talk-token-required', async () => {
    const events = onTokenRequired(document, (event) => event.preventDefault());
    const { session } = await sessionWith({ tokenFetcher: () => 'jwt-from-fetcher' });
    expect(session.options.token).to.equal('jwt-from-fetcher');
    expect(await sdkFetcher(session)()).to.equal('jwt-from-fetcher');
    expect(events).to.have.length(0);
    expectNoErrors();
  });
});

describe('tokens: token-endpoint retries', () => {
  const scenario = () => `tokens-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const requests = async (id: string) => ((await (await fetch(`/test-api/token/count?scenario=${id}`)).json()) as { requests: number }).requests;

  it("an endpoint that answers 500 twice: three requests, the third token is the session's first", async () => {
    recordRetryTimers({ instant: true });
    const id = scenario();
    const { session } = await sessionWith(
      { tokenRetry: { attempts: 4, baseDelay: 1, maxDelay: 1 } },
      { 'token-endpoint': `/test-api/token?scenario=${id}&fail=2` },
    );
    expect(session.options.token).to.equal('jwt-for-alice-3');
    expect(await requests(id)).to.equal(3);
    expect(await sdkFetcher(session)(), 'a refresh').to.equal('jwt-for-alice-4');
    expect(await requests(id)).to.equal(4);
    expectNoErrors();
  });

  it('an endpoint that always answers 401: `attempts` requests, then one token-fetch-failed naming token-endpoint, no session', async () => {
    recordRetryTimers({ instant: true });
    const id = scenario();
    await failedStart({ tokenRetry: { attempts: 3, baseDelay: 1, maxDelay: 1 } }, { 'token-endpoint': `/test-api/token?scenario=${id}&status=401` });
    expect(await requests(id)).to.equal(3);
    const detail = expectOneTokenFailure('token-endpoint');
    expect(detail.message).to.include('401');
  });
});

// ---------------------------------------------------------------------------------------------
// token-endpoint against a REAL HTTP endpoint: the test runner's dev server serves
// test/server/token-endpoint.mjs at /test-api/token. Without a `token` attribute the kit asks the
// endpoint for the first token itself, before `new Session`, and creates the session with it (a
// first token that never comes: no session, one `token-fetch-failed`). Refreshes are TalkJS's:
// each test calls the session's `options.tokenFetcher` as TalkJS does before each expiry (or
// `session.refreshToken()`).

/** The page's own fetch, for the endpoint's request counter (never spied on). */
const pageFetch = window.fetch.bind(window);

let scenarios = 0;
/** A scenario name no other test (or earlier run against the same dev server) uses. */
const newScenario = () => `endpoint-${Date.now()}-${++scenarios}`;

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
  let last: number;
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
async function placeWithEndpoint(tokenEndpoint: string, { tokenRetry, token }: PlaceOptions = {}): Promise<TalkSessionElement> {
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

/** As {@link placeWithEndpoint}, and its session once live. */
async function placeSession(tokenEndpoint: string, options: PlaceOptions = {}): Promise<{ el: TalkSessionElement; session: FakeSession }> {
  const el = await placeWithEndpoint(tokenEndpoint, options);
  await until(() => el.session !== undefined, 'the session', 5000);
  return { el, session: el.session as FakeSession };
}

/**
 * As {@link placeWithEndpoint} for a first token that never comes: waits for `status` "error" and checks
 * that no session was created (the kit asks the endpoint before `new Session`).
 */
async function placeFailing(tokenEndpoint: string, options: PlaceOptions = {}): Promise<TalkSessionElement> {
  const el = await placeWithEndpoint(tokenEndpoint, options);
  const ready = recordEvents(el, ['talk-session-ready'], { untilTestEnds: true });
  await until(() => el.status === 'error', 'status error', 5000);
  await nextTask();
  expect(fake.sessions, 'sessions created without a first token').to.have.length(0);
  expect(el.session).to.equal(undefined);
  expect(ready.events, 'talk-session-ready').to.have.length(0);
  return el;
}

/** The fetcher the kit gave TalkJS (`SessionOptions.tokenFetcher`). */
function fetcherOf(session: FakeSession): () => Promise<string> {
  const fetcher = session.options.tokenFetcher;
  expect(fetcher, 'SessionOptions.tokenFetcher').to.be.a('function');
  return () => Promise.resolve(fetcher!());
}

describe('tokens: token-endpoint asks a real HTTP endpoint for the JWT', () => {
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
    document.cookie = 'endpoint_test_cookie=sent-by-the-browser; path=/';
    onCleanup(() => {
      document.cookie = 'endpoint_test_cookie=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
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
    expect(record.cookies[0]).to.contain('endpoint_test_cookie=sent-by-the-browser');
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
    expect((await seen(first)).requests, "requests to the old URL: the old session's first token").to.equal(1);
    expect((await seen(second)).requests).to.equal(2);
  });
});

describe('tokens: token-endpoint under either reading of whether TalkJS asks for the first token (fetchTokens)', () => {
  for (const fetchTokens of [false, true]) {
    it(`fetchTokens ${fetchTokens}: the session has its first token from the endpoint, one request; refreshToken() gets the next one`, async () => {
      fake = sampleFake({ fetchTokens });
      const scenario = newScenario();
      const { session } = await placeSession(endpoint(scenario, { format: 'json' }));
      // A fake that asks for the first token would do so a microtask after the constructor.
      await nextTask();
      await nextTask();
      expect(session.tokens).to.deep.equal(['jwt-for-alice-1']);
      expect((await seen(scenario)).bodies, "requests: only the kit's first one").to.deep.equal([{ userId: 'alice' }]);
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

describe('tokens: token-endpoint failures, retries and removal', () => {
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
    const el = await placeWithEndpoint(endpoint(scenario, { delay: 400 }), { tokenRetry: quickRetry(1) });
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
    // Every wait before a retry runs out a task later: a retry the removal failed to stop would
    // set one, and make its request, within the tasks awaited below.
    const waits = recordRetryTimers({ instant: true }).timers;
    // Fails (slowly) every time: without the abort, a retry would follow the first answer at once.
    const el = await placeWithEndpoint(endpoint(scenario, { delay: 300, status: 500 }), { tokenRetry: quickRetry(5) });
    const errors = recordEvents(el, ['talk-error', 'talk-session-ready'], { untilTestEnds: true });
    await untilRequests(scenario, 1);
    el.remove();

    // The removal aborts the request: the page sees it fail at once.
    const outcome = await requests[0]!.response.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    expect(outcome).to.equal('AbortError');
    await nextTask();
    await nextTask();
    await nextTask();
    expect(waits, 'waits before a retry').to.have.length(0);
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
    const waits = recordRetryTimers({ instant: true }).timers;
    const { el, session } = await placeSession(endpoint(scenario, { delay: 300 }), { tokenRetry: quickRetry(5) });
    const errors = recordEvents(el, ['talk-error'], { untilTestEnds: true });
    const outcome = fetcherOf(session)().then(
      () => 'resolved',
      () => 'rejected',
    );
    await untilRequests(scenario, 2);
    el.remove();

    expect(await outcome).to.equal('rejected');
    expect(
      await requests[1]!.response.then(
        () => 'answered',
        (error: unknown) => (error as Error).name,
      ),
    ).to.equal('AbortError');
    await nextTask();
    await nextTask();
    expect(waits, 'waits before a retry').to.have.length(0);
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
    const waits = recordRetryTimers().timers;
    const el = await placeWithEndpoint(endpoint(scenario, { status: 500 }), { tokenRetry: { attempts: 5, baseDelay: 500, maxDelay: 500 } });
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

describe('tokens: token-endpoint input errors', () => {
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
      html`<talk-session
        app-id="tAPP"
        user-id="alice"
        token-endpoint=${endpoint(newScenario())}
        .tokenFetcher=${() => Promise.resolve('x')}
        .sdk=${fake}
      ></talk-session>`,
    );
    await until(() => el.status === 'error', 'status error');
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'token-endpoint']]);
    expect(fake.sessions).to.have.length(0);
  });
});
