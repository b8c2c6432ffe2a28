/**
 * Loading the TalkJS SDK and waiting for it to be ready.
 *
 * The default SDK is the `talkjs` npm package. Importing it injects
 * `<script src="https://cdn.talkjs.com/talk.js">` and exposes a `ready` thenable that never
 * settles when that script fails. So the package is imported lazily (never at module load: the
 * kit imports in Node without touching `Talk`), the script's `error` event is watched, and every
 * wait has a time limit. After a failure, the next load injects the script again.
 */
import type { TalkSdk } from './sdk-types.js';

/** The URL the `talkjs` package loads the SDK's code from. */
export const TALK_SCRIPT_URL = 'https://cdn.talkjs.com/talk.js';

/** Thrown (as a rejection) by {@link loadSdk}: the SDK did not become ready. */
export class SdkLoadError extends Error {
  override name = 'SdkLoadError';
}

let defaultSdk: Promise<TalkSdk> | undefined;
let scriptFailure: Event | undefined;
const failureListeners = new Set<(event: Event) => void>();
const readySdks = new WeakSet<TalkSdk>();

function findScript(): HTMLScriptElement | null {
  return document.querySelector<HTMLScriptElement>(`script[src="${TALK_SCRIPT_URL}"]`);
}

const watchedScripts = new WeakSet<HTMLScriptElement>();

function watchScript(script: HTMLScriptElement): void {
  if (watchedScripts.has(script)) return;
  watchedScripts.add(script);
  script.addEventListener(
    'error',
    (event) => {
      scriptFailure = event;
      for (const listener of failureListeners) listener(event);
    },
    { once: true },
  );
}

type ScriptUrlPolicy = { createScriptURL(url: string): string };
let scriptUrlPolicy: ScriptUrlPolicy | undefined;

/**
 * The TalkJS script URL, as a `TrustedScriptURL` where the page enforces Trusted Types
 * (`require-trusted-types-for 'script'`): from a policy named `talkjs-elements` that passes
 * that one URL and nothing else.
 */
function talkScriptUrl(): string {
  const trustedTypes = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes;
  if (!trustedTypes) return TALK_SCRIPT_URL;
  scriptUrlPolicy ??= trustedTypes.createPolicy('talkjs-elements', {
    createScriptURL: (url) => {
      if (url !== TALK_SCRIPT_URL) throw new TypeError(`talkjs-elements loads only ${TALK_SCRIPT_URL}`);
      return url;
    },
  });
  return scriptUrlPolicy.createScriptURL(TALK_SCRIPT_URL);
}

/** After a failed load, put a fresh script in place of the failed one; the SDK's `ready` queue survives. */
function retryScript(): void {
  const failed = findScript();
  const script = document.createElement('script');
  script.async = true;
  script.src = talkScriptUrl();
  scriptFailure = undefined;
  watchScript(script);
  if (failed) failed.replaceWith(script);
  else document.head.appendChild(script);
}

/** Imports the `talkjs` package once, and watches the script it injects. */
function importDefaultSdk(): Promise<TalkSdk> {
  defaultSdk ??= import('talkjs').then((module) => {
    const script = findScript();
    if (script) watchScript(script);
    return module.default as unknown as TalkSdk;
  });
  if (scriptFailure) retryScript();
  return defaultSdk;
}

let loadedDefault: TalkSdk | undefined;

/**
 * The SDK (`sdk`, or the `talkjs` package when `sdk` is undefined) if it is already known to be
 * ready, else `undefined`: lets a session be created without waiting a turn.
 */
export function readySdk(sdk: TalkSdk | undefined): TalkSdk | undefined {
  const candidate = sdk ?? loadedDefault;
  return candidate && readySdks.has(candidate) ? candidate : undefined;
}

/**
 * Resolves with the SDK once its `ready` has settled: `sdk` if given, else the `talkjs` package.
 * Rejects with {@link SdkLoadError} when the SDK's script fails to load, or when `ready` has not
 * settled after `timeoutMs` milliseconds.
 */
export function loadSdk(sdk: TalkSdk | undefined, timeoutMs: number): Promise<TalkSdk> {
  return new Promise<TalkSdk>((resolve, reject) => {
    const fail = (message: string, cause?: unknown) => {
      cleanup();
      reject(new SdkLoadError(message, cause === undefined ? undefined : { cause }));
    };
    const onScriptError = (event: Event) => fail(`the TalkJS script ${TALK_SCRIPT_URL} failed to load`, event);
    const timer = setTimeout(() => fail(`the TalkJS SDK was not ready within ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      failureListeners.delete(onScriptError);
    };
    const source = sdk ? Promise.resolve(sdk) : importDefaultSdk();
    // `sdk` may be the talkjs package's own `window.Talk` stub, set before talk.js loaded: then
    // the package's script tells of a failed load as on the default path.
    const script = sdk && sdk === (globalThis as { Talk?: unknown }).Talk ? findScript() : null;
    if (script) watchScript(script);
    source
      .then((loaded) => {
        if (!sdk || script) {
          if (scriptFailure) return onScriptError(scriptFailure);
          failureListeners.add(onScriptError);
        }
        // `ready.then` is called now, not a microtask later as `Promise.resolve(ready)` would: the
        // talkjs stub's `ready` is replaced when talk.js completes it, and a callback queued on the
        // old one after that would never run.
        return new Promise<void>((settle, fail) => void loaded.ready.then(settle, fail)).then(() => {
          cleanup();
          readySdks.add(loaded);
          if (!sdk) loadedDefault = loaded;
          resolve(loaded);
        });
      })
      .catch((error: unknown) => fail(`the TalkJS SDK failed to load: ${String(error)}`, error));
  });
}
