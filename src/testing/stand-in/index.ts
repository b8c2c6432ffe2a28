/**
 * The fake's stand-in chat UI, as a {@link FakeUIRenderer}: the DOM that a fake chatbox, inbox or
 * popup shows where it is mounted (`ui.ts`, with its helpers in `dom.ts` and its stylesheet in
 * `styles.ts`). The fake UI objects know it only through this renderer.
 */
import type { FakeUIRenderer } from '../fake-ui-renderer.js';
import { StandInUI } from './ui.js';

/** Renders a fake UI object as the stand-in UI. */
export const standInRenderer: FakeUIRenderer = (view) => new StandInUI(view);
