import type { PropertyDeclarations } from '@lit/reactive-element';
import { booleanAttribute, enumAttribute, jsonAttribute, predicateProperty } from '../../internal/converters.js';
import type { EventRoute, TalkEventDetails } from '../../internal/events.js';
import type { Inbox, SessionLike, Talk } from '../../internal/sdk-types.js';
import { TalkUiElement, UI_ROUTES, type LiveOption } from '../../internal/ui-element.js';
import { mountedUiStyles, statusStyles } from '../../internal/ui-element.styles.js';

/** The primitive `InboxOptions` beyond `ChatboxOptions` that have a dedicated property. */
const INBOX_OPTION_KEYS = [
  'showFeedHeader',
  'feedConversationTitleMode',
  'useBrowserHistory',
  'showMobileBackButton',
  'feedFilter',
] as const satisfies readonly (keyof Talk.InboxOptions)[];

const INBOX_ROUTES: ReadonlyArray<EventRoute<Inbox>> = [
  ...UI_ROUTES,
  ['talk-select-conversation', (b, h) => b.onSelectConversation(h)],
  ['talk-conversation-selected', (b, h) => b.onConversationSelected(h)],
  ['talk-desktop-notification-toggled', (b, h) => b.onDesktopNotificationToggled(h)],
];

/**
 * A TalkJS inbox (`Talk.Inbox`): the user's conversation feed beside the selected conversation,
 * mounted inside the element. It uses the session of the nearest `<talk-session>` (or its
 * `session` property).
 *
 * Every primitive `InboxOptions` field has an attribute and a property; `options` takes the rest.
 * Without `conversation-id` the inbox selects nothing and shows its feed. `feedFilter` updates the
 * live inbox (`setFeedFilter`), as do the chatbox's live options.
 *
 * See https://talkjs.com/docs/UI_Components/JavaScript/Classic/Inbox/.
 *
 * @tagname talk-inbox
 * @summary A TalkJS inbox: the conversation feed and the selected conversation.
 *
 * @slot - Holds the `<div data-talk-mount>` the inbox is mounted in (added by the element).
 *
 * @fires {CustomEvent<Talk.SelectConversationEvent>} talk-select-conversation - `Inbox.onSelectConversation`. Cancelable: `preventDefault()` keeps the current conversation.
 * @fires {CustomEvent<Talk.ConversationSelectedEvent>} talk-conversation-selected - `Inbox.onConversationSelected`.
 * @fires {CustomEvent<Talk.DesktopNotificationToggledEvent>} talk-desktop-notification-toggled - `Inbox.onDesktopNotificationToggled`.
 */
export class TalkInboxElement extends TalkUiElement<Inbox, Talk.InboxOptions> {
  static override styles = [statusStyles, mountedUiStyles];
  static override properties: PropertyDeclarations = {
    showFeedHeader: { attribute: 'show-feed-header', converter: booleanAttribute },
    feedConversationTitleMode: { attribute: 'feed-conversation-title-mode', converter: enumAttribute(['participants', 'subject', 'auto']) },
    useBrowserHistory: { attribute: 'use-browser-history', converter: booleanAttribute },
    showMobileBackButton: { attribute: 'show-mobile-back-button', converter: booleanAttribute },
    feedFilter: { attribute: 'feed-filter', converter: jsonAttribute(predicateProperty, 'feedFilter') },
  };

  /** Show the feed header with the desktop-notification toggle (`InboxOptions.showFeedHeader`; TalkJS default `true`). */
  declare showFeedHeader?: boolean;

  /** How feed items are titled (`InboxOptions.feedConversationTitleMode`): `participants`, `subject` or `auto` (legacy themes only). */
  declare feedConversationTitleMode?: 'participants' | 'subject' | 'auto';

  /** Count conversation switches as browser history steps (`InboxOptions.useBrowserHistory`; TalkJS default `true`). */
  declare useBrowserHistory?: boolean;

  /** Show a Back button on mobile (`InboxOptions.showMobileBackButton`). */
  declare showMobileBackButton?: boolean;

  /**
   * Which conversations the feed shows (`InboxOptions.feedFilter`, live through `setFeedFilter`).
   * As an attribute, JSON (`feed-filter='{"hasUnreadMessages": true}'`); the property wins over
   * the attribute.
   */
  declare feedFilter?: Talk.ConversationPredicate;

  protected readonly sdkName = 'Inbox';
  protected readonly routes = INBOX_ROUTES;

  /** The live `Talk.Inbox`; `undefined` while loading, after an error and after removal. */
  get inbox(): Inbox | undefined {
    return this.box;
  }

  protected override optionKeys(): readonly string[] {
    return [...super.optionKeys(), ...INBOX_OPTION_KEYS];
  }

  protected override liveOptions(): LiveOption<Inbox>[] {
    return [
      ...super.liveOptions(),
      {
        key: 'feedFilter',
        attribute: 'feedFilter',
        method: 'setFeedFilter',
        inOptions: true,
        apply: (inbox, value) => inbox.setFeedFilter((value ?? {}) as Talk.ConversationPredicate),
      },
    ];
  }

  protected createBox(session: SessionLike, options: Talk.InboxOptions): Inbox {
    return session.createInbox(options);
  }

  protected mountBox(inbox: Inbox): Promise<void> {
    return inbox.mount(this.mountContainer);
  }

  protected readyDetail(inbox: Inbox): TalkEventDetails['talk-ready'] {
    return { inbox };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-inbox': TalkInboxElement;
  }
}
