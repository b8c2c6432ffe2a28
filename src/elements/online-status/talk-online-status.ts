import type { PropertyDeclarations } from '@lit/reactive-element';
import { OnlineStatusController } from '../../controllers/data-controllers.js';
import { stringAttribute } from '../../internal/converters.js';
import { TalkDataElement } from '../../internal/data-element.js';
import type { TalkErrorDetail } from '../../internal/errors.js';
import type { Talk } from '../../internal/sdk-types.js';
import { slot } from '../../internal/talk-element.js';
import { onlineStatusStyles } from './talk-online-status.styles.js';

/**
 * Whether one user is online, live (`session.user(id).subscribeOnline`, TalkJS's Data API): a dot
 * and the word "Online" or "Offline", for pages without script, e.g. beside a seller's name:
 * `<talk-online-status user-id="sebastian"></talk-online-status>`. A user is online while they
 * have a TalkJS session open somewhere.
 *
 * A `user-id` TalkJS does not know shows "Offline" and reports `unknown-user` once.
 *
 * @tagname talk-online-status
 * @summary A live online/offline indicator for one user.
 *
 * @slot online - Shown while the user is online. Default: "Online".
 * @slot offline - Shown while the user is offline (or unknown, or before the first answer). Default: "Offline".
 *
 * @csspart dot - The round indicator before the text.
 * @cssprop --talk-online-color - The dot's colour while online. Default `#1a7f37`.
 * @cssprop --talk-offline-color - The dot's colour while offline. Default `#6e7781`.
 *
 * @fires {CustomEvent<Talk.UserOnlineSnapshot | null>} talk-online-change - A new snapshot from `UserRef.subscribeOnline` (`null`: no such user).
 * @fires {CustomEvent<TalkErrorDetail>} talk-error - `invalid-attribute`, `no-session`, `unknown-user` or `sdk-error`.
 *
 * @cssstate online - While the user is online.
 * @cssstate offline - While the user is offline, unknown, or not known yet.
 * @cssstate loading - Until the first answer.
 * @cssstate ready - While following the user.
 * @cssstate error - After `talk-error`.
 */
export class TalkOnlineStatusElement extends TalkDataElement<Talk.UserOnlineSnapshot> {
  static override styles = onlineStatusStyles;
  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id', converter: stringAttribute },
  };

  /** The user to follow (`session.user(userId)`). */
  declare userId?: string;

  protected readonly data = new OnlineStatusController(this, () => this.userId);

  readonly #online = slot('online', document.createTextNode('Online'));
  readonly #offline = slot('offline', document.createTextNode('Offline'));

  /** True while the user is online. */
  get online(): boolean {
    return this.data.online;
  }

  protected override shadowContent(): Node[] {
    const dot = document.createElement('span');
    dot.setAttribute('part', 'dot');
    dot.setAttribute('aria-hidden', 'true');
    return [dot, this.#online, this.#offline];
  }

  protected missing(): TalkErrorDetail {
    return {
      code: 'unknown-user',
      attribute: 'user-id',
      message: `user-id="${this.userId}" is not a user of this TalkJS app: it shows as offline.`,
    };
  }

  protected show(value: Talk.UserOnlineSnapshot | null | undefined): void {
    const online = value?.isConnected === true;
    this.#online.hidden = !online;
    this.#offline.hidden = online;
    this.setCustomState('online', online);
    this.setCustomState('offline', !online);
  }

  protected announce(value: Talk.UserOnlineSnapshot | null): void {
    this.emit('talk-online-change', value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'talk-online-status': TalkOnlineStatusElement;
  }
}
