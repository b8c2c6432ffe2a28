// The example's entry: the kit's elements, the app's own <my-conversations>, on the offline fake
// SDK. Without `sdk`, the kit loads the real TalkJS SDK (the `talkjs` package) and needs your App ID.
import 'talkjs-elements';
import { createFakeTalk } from 'talkjs-elements/testing';
import seed from '../../shared/seed.json';
import './my-conversations.js';

const fake = createFakeTalk(seed);
window.fakeTalk = fake; // for the end-to-end test (test/e2e/examples.mjs)
document.querySelector('talk-session')!.sdk = fake;

declare global {
  interface Window {
    fakeTalk: ReturnType<typeof createFakeTalk>;
  }
}
