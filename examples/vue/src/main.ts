// The example's entry: the app on the offline fake SDK. Without `sdk`, the kit loads the real
// TalkJS SDK (the `talkjs` package) and needs your App ID.
import { createApp } from 'vue';
import { createFakeTalk } from 'talkjs-elements/testing';
import seed from '../../shared/seed.json';
import App from './App.vue';

const fake = createFakeTalk(seed);
window.fakeTalk = fake; // for the end-to-end test (test/e2e/examples.mjs)

createApp(App, { sdk: fake }).mount('#app');
