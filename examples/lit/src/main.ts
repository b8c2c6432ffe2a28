// The example's entry: the kit's elements, the app's own <my-conversations>, on the offline fake
// SDK. Without `sdk`, the kit loads the real TalkJS SDK (the `talkjs` package) and needs your App ID.
import 'talkjs-elements';
import { createFakeTalk } from 'talkjs-elements/testing';
import seed from '../../shared/seed.json';
import { MyConversations } from './my-conversations.js';

const fake = createFakeTalk(seed);
window.fakeTalk = fake; // for the end-to-end test (test/e2e/examples.mjs)
document.querySelector('talk-session')!.sdk = fake;

// Defined here rather than in my-conversations.ts: this repository's package.json names its
// modules with side effects, and the build drops a bare `import './my-conversations.js'` of a
// module outside that list (in your own app, define it wherever you like).
customElements.define('my-conversations', MyConversations);

declare global {
  interface Window {
    fakeTalk: ReturnType<typeof createFakeTalk>;
  }
}
