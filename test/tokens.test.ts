/**
 * Tokens: the kit's retries of a failing `tokenFetcher` (exponential backoff with full jitter,
 * `tokenRetry`), the final `token-fetch-failed`, retries stopping when the element goes, and
 * `talk-token-required` (success, failure, slow answers, removal mid-fetch, nobody answering).
 *
 * The fake SDK never asks for tokens by itself: like TalkJS, the tests call the `tokenFetcher`
 * the kit passed in the session's options. Retry waits are read from the timers the kit's
 * token code sets (recorded by stack), so the schedule is checked exactly, without timing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import type { TalkErrorDetail, TalkSessionElement } from '../src/index.js';
import type { TokenRequiredDetail } from '../src/internal/events.js';
import { DEFAULT_TOKEN_RETRY, fetchWithRetry } from '../src/internal/token-fetch.js';
import type { FakeSession } from '../src/testing/index.js';
import { captureConsole, expectNoLeaks, nextTask, onCleanup, optionsOf, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
let watch: {
  errors: ReturnType<typeof recordEvents>;
  console: ReturnType<typeof captureConsole>;
  thrown: unknown[];
};

beforeEach(() => {
  fake = sampleFake();
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  // Keep an uncaught error away from the test runner's handler (which would abort the whole
  // file): each test checks `thrown` itself.
  const runnerOnError = window.onerror;
  window.onerror = () => true;
  onCleanup(() => {
    window.onerror = runnerOnError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  watch = { errors: recordEvents(document, ['talk-error'], { untilTestEnds: true }), console: captureConsole({ untilTestEnds: true }), thrown };
});

afterEach(async () => {
  expectNothingThrown();
  await expectNoLeaks(fake);
});

/** Nothing thrown out of the kit since the last check (the entries are taken, so each is reported once). */
function expectNothingThrown(): void {
  expect(watch.thrown.splice(0).map(String), 'errors thrown out of the kit or rejections left unhandled').to.deep.equal([]);
}

// ---------------------------------------------------------------------------------------------
// Instruments

interface RetryTimer {
  id: number;
  /** The delay the kit asked for, in ms. */
  delay: number;
  fired: boolean;
  cleared: boolean;
}

const fromTokenCode = () => new Error().stack?.includes('token-fetch') === true;

/**
 * Records every timer the kit's token code (`token-fetch.ts`) sets: the retry waits. With
 * `instant`, those timers fire at once (a task later) whatever their delay: fake time for the
 * retry schedule, real timers for everything else.
 */
function recordRetryTimers({ instant = false } = {}) {
  const timers: RetryTimer[] = [];
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (!fromTokenCode() || typeof handler !== 'function') return realSet(handler, delay, ...args);
    const timer: RetryTimer = { id: 0, delay: Number(delay ?? 0), fired: false, cleared: false };
    timer.id = realSet(() => {
      timer.fired = true;
      (handler as (...a: unknown[]) => void)(...args);
    }, instant ? 0 : delay);
    timers.push(timer);
    return timer.id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const timer = timers.find((t) => t.id === id);
    if (timer && !timer.fired) timer.cleared = true;
    realClear(id);
  }) as typeof window.clearTimeout;
  const restore = () => {
    window.setTimeout = realSet;
    window.clearTimeout = realClear;
  };
  onCleanup(restore);
  return { timers, outstanding: () => timers.filter((t) => !t.fired && !t.cleared), restore };
}

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

/** A `<talk-session app-id="tAPP" user-id="alice">` on the fake, with `properties` and `attributes`; waits for its session. */
async function sessionWith(
  properties: Partial<Pick<TalkSessionElement, 'tokenFetcher' | 'tokenRetry'>>,
  attributes: Record<string, string> = {},
  beforeConnect?: (el: TalkSessionElement) => void,
): Promise<{ el: TalkSessionElement; session: FakeSession }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('talk-session');
  el.setAttribute('app-id', 'tAPP');
  el.setAttribute('user-id', 'alice');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.sdk = fake;
  Object.assign(el, properties);
  beforeConnect?.(el);
  host.append(el);
  await until(() => el.session !== undefined, 'the session');
  return { el, session: fake.sessions.at(-1)! };
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
  expect(details.map((d) => `${d.code}: ${d.message}`), 'talk-error events').to.have.length(1);
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
  expect(watch.errors.events.map((event) => (event.detail as TalkErrorDetail).message), 'talk-error events').to.deep.equal([]);
  expect(watch.console.errors, 'console.error calls').to.deep.equal([]);
  expectNothingThrown();
}

// ---------------------------------------------------------------------------------------------

describe('tokens: retries of a failing tokenFetcher', () => {
  it('the documented defaults: 4 attempts, waits of up to 0.5 s, 1 s, 2 s, never over 8 s', async () => {
    expect(DEFAULT_TOKEN_RETRY).to.deep.equal({ attempts: 4, baseDelay: 500, maxDelay: 8000 });
    // With no tokenRetry, the element uses them: 4 calls, each wait under its bound (fake time).
    const timers = recordRetryTimers({ instant: true });
    stubJitter([0.999, 0.999, 0.999]);
    let calls = 0;
    const failure = new Error('token server down');
    const { session } = await sessionWith({ tokenFetcher: () => (calls++, Promise.reject(failure)) });
    const result = await settle(sdkFetcher(session)());
    expect(result).to.deep.equal({ ok: false, error: failure });
    expect(calls, 'tokenFetcher calls').to.equal(4);
    const waits = timers.timers.map((t) => t.delay);
    expect(waits).to.have.length(3);
    waits.forEach((wait, i) => expect(wait, `wait ${i + 1}`).to.be.closeTo(0.999 * [500, 1000, 2000][i]!, 1e-9));
    expectOneTokenFailure('tokenFetcher', failure);
  });

  it('attempts 5, baseDelay 8, maxDelay 20: 5 calls, waits = jitter × 8, 16, 20, 20 ms, then exactly one token-fetch-failed', async () => {
    const retry = { attempts: 5, baseDelay: 8, maxDelay: 20 };
    const randoms = [0.5, 0.75, 0.999, 0.25];
    const timers = recordRetryTimers();
    stubJitter([...randoms]);
    const times: number[] = [];
    const errors = [1, 2, 3, 4, 5].map((n) => new Error(`failure ${n}`));
    const { el, session } = await sessionWith({ tokenFetcher: () => (times.push(performance.now()), Promise.reject(errors[times.length - 1])), tokenRetry: retry });
    const onElement = recordEvents(el, ['talk-error'], { untilTestEnds: true });

    const result = await settle(sdkFetcher(session)());
    expect(result, 'what TalkJS gets: the last failure').to.deep.equal({ ok: false, error: errors[4] });
    expect(times, 'tokenFetcher calls').to.have.length(5);
    const waits = expectedWaits(retry, randoms);
    expect(timers.timers.map((t) => t.delay)).to.have.length(4);
    timers.timers.forEach((timer, i) => expect(timer.delay, `wait before retry ${i + 1}`).to.be.closeTo(waits[i]!, 1e-9));
    for (const wait of timers.timers.map((t) => t.delay)) expect(wait).to.be.within(0, retry.maxDelay);
    // Each retry came no earlier than its wait (a lower bound only: timers never fire early).
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, `gap before call ${i + 1}`).to.be.at.least(waits[i - 1]! - 1);
    expect(timers.outstanding(), 'retry timers still pending').to.deep.equal([]);
    await nextTask();
    expectOneTokenFailure('tokenFetcher', errors[4]);
    expect(onElement.events[0]!.target, 'the error is dispatched on the session element').to.equal(el);
    expect(fake.sessions).to.have.length(1);
    expect(session.isAlive, 'the session stays').to.equal(true);
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
            fetchWithRetry(() => (++calls === succeedAt ? Promise.resolve(' jwt-ok ') : Promise.reject(new Error(`no ${calls}`))), retry, new AbortController().signal),
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

  it('fails twice, then answers: the token reaches TalkJS, no talk-error', async () => {
    recordRetryTimers({ instant: true });
    let calls = 0;
    const { session } = await sessionWith({
      tokenFetcher: () => (++calls < 3 ? Promise.reject(new Error(`down ${calls}`)) : Promise.resolve('jwt-third')),
      tokenRetry: { attempts: 4, baseDelay: 50, maxDelay: 50 },
    });
    expect(await sdkFetcher(session)()).to.equal('jwt-third');
    expect(calls).to.equal(3);
    // A later refresh starts afresh: one call.
    expect(await sdkFetcher(session)()).to.equal('jwt-third');
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
    expect(await sdkFetcher(session)()).to.equal('jwt-trimmed');
    expect(calls).to.equal(4);
    expectNoErrors();
  });

  it('element removed while retrying: the retries stop (no further calls, no timer left), no talk-error, TalkJS gets a rejection', async () => {
    const timers = recordRetryTimers();
    let calls = 0;
    const { el, session } = await sessionWith({ tokenFetcher: () => (calls++, Promise.reject(new Error('down'))), tokenRetry: { attempts: 1000, baseDelay: 5, maxDelay: 5 } });
    const onElement = recordEvents(el, ['talk-error', 'talk-token-required'], { untilTestEnds: true });
    const pending = settle(sdkFetcher(session)());
    await until(() => calls >= 3, 'three attempts');
    el.remove();
    const result = await pending;
    expect(result.ok, 'TalkJS gets a rejection').to.equal(false);
    await nextTask();
    const callsAtRemoval = calls;
    // Ten times the longest wait: a retry loop still running would have called again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls, 'tokenFetcher calls after removal').to.equal(callsAtRemoval);
    expect(timers.outstanding(), 'retry timers left pending').to.deep.equal([]);
    expect(timers.timers.some((t) => t.cleared), 'the pending wait was cleared').to.equal(true);
    expect(onElement.events, 'events from the removed element').to.deep.equal([]);
    expectNoErrors();
    // TalkJS calling the old fetcher again gets a rejection without any call of the page's fetcher.
    expect((await settle(sdkFetcher(session)())).ok).to.equal(false);
    expect(calls).to.equal(callsAtRemoval);
    expectNoErrors();
  });

  it('element removed while the fetcher is still answering: its late answer is dropped, no retry, no talk-error', async () => {
    let answer!: (token: string) => void;
    let calls = 0;
    const { el, session } = await sessionWith({ tokenFetcher: () => (calls++, new Promise<string>((resolve) => (answer = resolve))) });
    const pending = settle(sdkFetcher(session)());
    await until(() => calls === 1, 'the call');
    el.remove();
    await nextTask();
    await nextTask();
    answer('jwt-late');
    const result = await pending;
    expect(result.ok, 'TalkJS does not get a token for a removed element').to.equal(false);
    await nextTask();
    expect(calls).to.equal(1);
    expectNoErrors();
  });
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

  it('taken (preventDefault) and resolved: the session gets a tokenFetcher and no token; TalkJS gets the answer; each refresh asks again', async () => {
    let n = 0;
    const events = onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.resolve(`jwt-event-${++n}`);
    });
    const { el, session } = await sessionWith({});
    expect(events, 'talk-token-required at creation').to.have.length(1);
    const event = events[0]!;
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(el);
    expect(event.detail.userId).to.equal('alice');
    expect(optionsOf(session)).to.deep.equal({ appId: 'tAPP', userId: 'alice', tokenFetcher: '<fetcher>' });
    expect(await sdkFetcher(session)(), 'the first token').to.equal('jwt-event-1');
    expect(events).to.have.length(1);
    expect(await sdkFetcher(session)(), 'a refresh').to.equal('jwt-event-2');
    expect(events).to.have.length(2);
    expectNoErrors();
  });

  it('a slow answer (after 60 ms) reaches TalkJS', async () => {
    onTokenRequired(document, (event) => {
      event.preventDefault();
      setTimeout(() => event.detail.resolve('jwt-slow'), 60);
    });
    const { session } = await sessionWith({});
    expect(await sdkFetcher(session)()).to.equal('jwt-slow');
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
    expect(await sdkFetcher(session)()).to.equal('jwt-first');
    expectNoErrors();
  });

  it('rejected every time: retried (a new event each attempt), then exactly one token-fetch-failed naming talk-token-required', async () => {
    recordRetryTimers({ instant: true });
    const failure = new Error('no token for you');
    const events = onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.reject(failure);
    });
    const { session } = await sessionWith({ tokenRetry: { attempts: 3, baseDelay: 10, maxDelay: 10 } });
    const result = await settle(sdkFetcher(session)());
    expect(result).to.deep.equal({ ok: false, error: failure });
    expect(events, 'talk-token-required events: one per attempt').to.have.length(3);
    await nextTask();
    expectOneTokenFailure('talk-token-required', failure);
  });

  it('reject() without a reason still fails with an Error', async () => {
    recordRetryTimers({ instant: true });
    onTokenRequired(document, (event) => {
      event.preventDefault();
      event.detail.reject();
    });
    const { session } = await sessionWith({ tokenRetry: { attempts: 2, baseDelay: 1, maxDelay: 1 } });
    const result = await settle(sdkFetcher(session)());
    expect(result.ok).to.equal(false);
    expect((result as { error: unknown }).error).to.be.instanceOf(Error);
    await nextTask();
    expectOneTokenFailure('talk-token-required');
  });

  it('element removed while the listener has not answered: no error, no further event; the late answer is dropped', async () => {
    const unanswered: TokenRequiredDetail[] = [];
    const { el, session } = await sessionWith({}, {}, (element) => {
      // On the element itself: events from a removed element do not reach the document.
      onTokenRequired(element, (event) => {
        event.preventDefault();
        unanswered.push(event.detail);
      });
    });
    const onElement = recordEvents(el, ['talk-token-required', 'talk-error'], { untilTestEnds: true });
    const pending = settle(sdkFetcher(session)());
    el.remove();
    await nextTask();
    await nextTask();
    expect(session.isAlive, 'the session is destroyed with its element').to.equal(false);
    expect(unanswered, 'the creation-time request').to.have.length(1);
    unanswered[0]!.resolve('jwt-late');
    const result = await pending;
    expect(result.ok, 'TalkJS gets no token for a removed element').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onElement.events, 'events dispatched after removal').to.deep.equal([]);
    expect(unanswered, 'no further talk-token-required').to.have.length(1);
    expectNoErrors();
  });

  it('element removed while the listener never answers: the promise TalkJS holds settles (rejected) with the removal', async () => {
    const { el, session } = await sessionWith({}, {}, (element) => {
      onTokenRequired(element, (event) => event.preventDefault());
    });
    let settled = false;
    const pending = settle(sdkFetcher(session)()).then((result) => {
      settled = true;
      return result;
    });
    await nextTask();
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

  it('tokenFetcher set: its answers win, no talk-token-required', async () => {
    const events = onTokenRequired(document, (event) => event.preventDefault());
    const { session } = await sessionWith({ tokenFetcher: () => 'jwt-from-fetcher' });
    expect(await sdkFetcher(session)()).to.equal('jwt-from-fetcher');
    expect(events).to.have.length(0);
    expectNoErrors();
  });
});

describe('tokens: token-endpoint retries', () => {
  const scenario = () => `tokens-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const requests = async (id: string) => ((await (await fetch(`/test-api/token/count?scenario=${id}`)).json()) as { requests: number }).requests;

  it('an endpoint that answers 500 twice: three requests, the third token reaches TalkJS', async () => {
    recordRetryTimers({ instant: true });
    const id = scenario();
    const { session } = await sessionWith({ tokenRetry: { attempts: 4, baseDelay: 1, maxDelay: 1 } }, { 'token-endpoint': `/test-api/token?scenario=${id}&fail=2` });
    expect(await sdkFetcher(session)()).to.equal('jwt-for-alice-3');
    expect(await requests(id)).to.equal(3);
    expectNoErrors();
  });

  it('an endpoint that always answers 401: `attempts` requests, then one token-fetch-failed naming token-endpoint', async () => {
    recordRetryTimers({ instant: true });
    const id = scenario();
    const { session } = await sessionWith({ tokenRetry: { attempts: 3, baseDelay: 1, maxDelay: 1 } }, { 'token-endpoint': `/test-api/token?scenario=${id}&status=401` });
    const result = await settle(sdkFetcher(session)());
    expect(result.ok).to.equal(false);
    expect(await requests(id)).to.equal(3);
    await nextTask();
    const detail = expectOneTokenFailure('token-endpoint');
    expect(detail.message).to.include('401');
  });
});
