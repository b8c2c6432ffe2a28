// What the example's entry puts on `window` for the end-to-end test (test/e2e/examples.mjs).
import type { FakeTalk } from 'talkjs-elements/testing';

declare global {
  interface Window {
    /** The fake SDK the app runs on. */
    fakeTalk: FakeTalk;
  }
}
