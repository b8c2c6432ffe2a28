import { CUSTOM_ELEMENTS_SCHEMA, Component, InjectionToken, inject, signal } from '@angular/core';
import 'talkjs-elements';
import type { TalkEventMap, TalkSdk } from 'talkjs-elements';

/** The SDK for <talk-session>: nothing in production (the kit loads TalkJS); the fake in tests. */
export const TALK_SDK = new InjectionToken<TalkSdk>('TALK_SDK');

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <button id="toggle-chatbox" (click)="showChatbox.set(!showChatbox())">Toggle chatbox</button>
    <button id="sign-out" (click)="signedIn.set(false)">Sign out</button>
    @if (signedIn()) {
      <talk-session app-id="tXXXX" user-id="alice" [sdk]="sdk" (talk-message)="onMessage($event)">
        <talk-inbox style="height: 400px"></talk-inbox>
        @if (showChatbox()) {
          <talk-chatbox conversation-id="order-1234" [messageFilter]="{ type: ['==', 'UserMessage'] }"></talk-chatbox>
        }
      </talk-session>
    }
    <ul id="messages">
      @for (text of messages(); track $index) {
        <li>{{ text }}</li>
      }
    </ul>
  `,
})
export class AppComponent {
  readonly sdk = inject(TALK_SDK, { optional: true }) ?? undefined;
  readonly signedIn = signal(true);
  readonly showChatbox = signal(true);
  readonly messages = signal<string[]>([]);

  onMessage(event: TalkEventMap['talk-message']) {
    this.messages.update((messages) => [...messages, event.detail.body]);
  }
}
