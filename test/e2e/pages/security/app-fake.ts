/**
 * The strict-CSP / Trusted Types page on the fake SDK: sets the fake on the (not yet upgraded)
 * <talk-session> first, then defines the kit's elements, so the default SDK is never loaded.
 */
import { TALK_ELEMENTS, defineElements } from '../../../../src/elements.js';
import { createFakeTalk } from '../../../../src/testing/index.js';
import { seed } from './seed.js';

const fake = createFakeTalk(seed);
(window as unknown as { fakeTalk: unknown }).fakeTalk = fake;
for (const session of document.querySelectorAll('talk-session')) (session as unknown as { sdk: unknown }).sdk = fake;
defineElements(TALK_ELEMENTS);
