/**
 * The seam between the fake UI objects and what a person sees. A fake chatbox, inbox or popup
 * ({@link FakeUIBox}) hands a {@link FakeUIView} (its state, read live, and what to call when
 * the user acts) to a {@link FakeUIRenderer} on first mount, and drives the
 * {@link FakeUIRendering} it gets back: re-render, the message field, destroy. The fake's own
 * renderer is the stand-in UI in `./stand-in/`, which the demo, the examples and the tests see.
 */
import type Talk from 'talkjs';
import type { FakeBackend } from './backend.js';
import type { FakeHtmlPanel } from './fake-html-panel.js';

/** Which UI a fake UI object is. */
export type FakeUIKind = 'chatbox' | 'inbox' | 'popup';

/** All options a renderer may read (the union of the three UIs' options). */
export type FakeUIViewOptions = Talk.ChatboxOptions &
  Partial<Omit<Talk.InboxOptions, keyof Talk.ChatboxOptions>> &
  Partial<Omit<Talk.PopupOptions, keyof Talk.ChatboxOptions>>;

/** What a renderer reads from, and reports to, the fake UI object it renders. */
export interface FakeUIView {
  /** Which UI. */
  readonly kind: FakeUIKind;
  /** The fake backend (conversations, users, messages, unread counts). */
  readonly backend: FakeBackend;
  /** The session's user id. */
  readonly meId: string;
  /** The UI's options. */
  readonly options: FakeUIViewOptions;
  /** The conversation id shown, or null. */
  readonly shownConversationId: string | null;
  /** Words to highlight in messages (`setHighlightedWords`). */
  readonly highlightedWords: readonly string[];
  /** The message filter (`setMessageFilter`). */
  readonly messageFilter: Talk.MessagePredicate | undefined;
  /** The feed filter (`setFeedFilter`, inbox). */
  readonly feedFilter: Talk.ConversationPredicate | undefined;
  /** `messageField.setVisible` / `messageField.visible`. */
  readonly messageFieldVisible: boolean | Talk.ConversationPredicate;
  /** Whether the UI is on screen when mounted (a popup: whether it is open). */
  readonly visible: boolean;
  /** The UI's HTML panels (each an `<iframe>` to place above the message field). */
  readonly htmlPanels: readonly FakeHtmlPanel[];
  /** The user submitted the message form. */
  submitted(text: string): void;
  /** The user clicked a conversation in the feed. */
  feedItemClicked(conversationId: string): void;
  /** The user clicked the popup launcher. */
  launcherClicked(): void;
  /** The user clicked the close button of the popup header. */
  closeClicked(): void;
  /** Focus entered (true) or left (false) the UI. */
  focusChanged(focused: boolean): void;
  /** A key event inside the UI. */
  keyPressed(type: 'keyup' | 'keydown', event: KeyboardEvent): void;
}

/** The DOM a renderer made for one fake UI object. */
export interface FakeUIRendering {
  /** The root `<div data-fake-talk="chatbox|inbox|popup">`, appended by the fake where it mounts. */
  readonly root: HTMLDivElement;
  /** The message field's text. */
  fieldText: string;
  /** Focuses the message field. */
  focusField(): void;
  /** Brings the DOM up to date with the view and the backend. */
  render(): void;
  /** Removes everything it rendered. */
  destroy(): void;
}

/** Makes the DOM of one fake UI object (called once, on its first mount). */
export type FakeUIRenderer = (view: FakeUIView) => FakeUIRendering;
