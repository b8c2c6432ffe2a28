// The example's entry: the app on the offline fake SDK. Without `sdk`, the kit loads the real
// TalkJS SDK (the `talkjs` package) and needs your App ID.
import { mount } from 'svelte';
import { createFakeTalk } from 'talkjs-elements/testing';
import seed from '../../shared/seed.json';
import App from './App.svelte';

const fake = createFakeTalk(seed);
window.fakeTalk = fake; // for the end-to-end test (test/e2e/examples.mjs)

mount(App, { target: document.getElementById('app')!, props: { sdk: fake } });
