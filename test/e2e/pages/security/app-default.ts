/** The security pages on the kit's default SDK path: the `talkjs` package loads https://cdn.talkjs.com/talk.js. */
import '../../../../src/index.js';
