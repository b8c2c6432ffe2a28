/**
 * The REAL `talkjs` package loader with `sdk` set explicitly (see test/e2e/real-loader.mjs).
 *
 * `import Talk from 'talkjs'` runs the package's snippet: it injects
 * `<script src="https://cdn.talkjs.com/talk.js">` and makes `window.Talk` a stub
 * `{ v: 3, ready: { then, catch, c } }`, which the script fills in place when it loads. This page
 * hands that stub to `<talk-session>` as `sdk` before the script has loaded (the test delays or
 * aborts it), and records what happened on `window.realLoader`.
 *
 * Query: `order=before-define` (default) sets `sdk` on the not-yet-upgraded element, then loads
 * the kit; `order=after-define` loads the kit first (the session starts on the default path),
 * then sets `sdk`. `load-timeout=<ms>` sets the session's attribute. Once the kit is defined and
 * `sdk` is set, the page calls `window.realLoaderKitReady()` if the test exposed it: the test holds
 * the talk.js response until then, so the kit meets the bare stub however long Vite takes to serve it.
 */
import Talk from 'talkjs';

interface Recorded {
  type: string;
  target: string;
  code?: string;
  message?: string;
  at: number;
}

const params = new URLSearchParams(location.search);
const order = params.get('order') ?? 'before-define';
const session = document.querySelector('talk-session')!;
const loadTimeout = params.get('load-timeout');
if (loadTimeout) session.setAttribute('load-timeout', loadTimeout);

const start = performance.now();
const events: Recorded[] = [];
for (const type of ['talk-session-ready', 'talk-ready', 'talk-error']) {
  document.addEventListener(type, (event) => {
    const detail = (event as CustomEvent<{ code?: string; message?: string } | undefined>).detail;
    events.push({
      type,
      target: (event.target as Element).localName,
      ...(type === 'talk-error' ? { code: detail?.code, message: detail?.message } : {}),
      at: Math.round(performance.now() - start),
    });
  });
}

const stub = Talk as unknown as Record<string, unknown>;
const script = document.querySelector<HTMLScriptElement>('script[src="https://cdn.talkjs.com/talk.js"]');
const state = {
  order,
  /** `window.Talk` when the page started: the package's default export. */
  talkBefore: (window as unknown as { Talk: unknown }).Talk,
  /** What the stub held when it was handed to the kit. */
  stubKeysWhenSet: [] as string[],
  /** Whether talk.js had run (the fake puts `window.fakeTalk`) when `sdk` was set. */
  cdnLoadedWhenSet: false,
  /** The same two, once the kit is defined and `sdk` is set. */
  stubKeysWhenKitReady: [] as string[],
  cdnLoadedWhenKitReady: false,
  scriptInjected: script !== null,
  events,
  kitLoaded: false,
};
(window as unknown as { realLoader: typeof state }).realLoader = state;

function setSdk(): void {
  state.stubKeysWhenSet = Object.keys(stub).sort();
  state.cdnLoadedWhenSet = 'fakeTalk' in window;
  (document.querySelector('talk-session') as HTMLElement & { sdk?: unknown }).sdk = Talk;
}

if (order === 'after-define') {
  await import('../../../src/index.js');
  await customElements.whenDefined('talk-session');
  setSdk();
} else {
  setSdk();
  await import('../../../src/index.js');
}
await customElements.whenDefined('talk-session');
state.stubKeysWhenKitReady = Object.keys(stub).sort();
state.cdnLoadedWhenKitReady = 'fakeTalk' in window;
state.kitLoaded = true;
(window as unknown as { realLoaderKitReady?: () => void }).realLoaderKitReady?.();
