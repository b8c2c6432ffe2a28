/** What the security check serves at https://cdn.talkjs.com/talk.js: the fake SDK acting as the TalkJS script. */
import { installFakeTalkCdn } from '../../../../src/testing/fake-cdn.js';
import { seed } from './seed.js';

(window as unknown as { fakeTalk: unknown }).fakeTalk = installFakeTalkCdn(seed);
