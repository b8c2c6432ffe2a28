// The example's entry: the app on the offline fake SDK. Without a TALK_SDK provider, the kit
// loads the real TalkJS SDK (the `talkjs` package) and needs your App ID.
import { bootstrapApplication } from '@angular/platform-browser';
import { createFakeTalk } from 'talkjs-elements/testing';
import seed from '../../shared/seed.json';
import { AppComponent, TALK_SDK } from './app.component';

const fake = createFakeTalk(seed);
window.fakeTalk = fake; // for the end-to-end test (test/e2e/examples.mjs)

bootstrapApplication(AppComponent, { providers: [{ provide: TALK_SDK, useValue: fake }] }).catch((error: unknown) => console.error(error));
