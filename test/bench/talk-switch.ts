/**
 * What `import Talk from 'talkjs'` gives inside the bench page (scripts/bench.mjs aliases
 * `talkjs` to this module): a `Talk` namespace that forwards to the fake chosen with
 * {@link useFake}, so that `@talkjs/react` and the hand-written code run on the same fake as the
 * kit. Each member read is one getter more than a plain namespace object: nanoseconds.
 */
import type { TalkSdk } from '../../src/internal/sdk-types.js';

let current: TalkSdk | undefined;

/** Makes `sdk` the `Talk` namespace from now on. */
export function useFake(sdk: TalkSdk): void {
  current = sdk;
}

function sdk(): TalkSdk {
  if (!current) throw new Error('talk-switch: no fake chosen (call useFake first)');
  return current;
}

const Talk = {
  get ready() {
    return sdk().ready;
  },
  get Session() {
    return sdk().Session;
  },
  get User() {
    return sdk().User;
  },
  get oneOnOneId() {
    return sdk().oneOnOneId;
  },
};

export default Talk;
