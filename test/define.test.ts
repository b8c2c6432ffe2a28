/**
 * Registering the elements under other names (`defineElements` with the classes from
 * `talkjs-elements/elements`): they find each other by class, not by tag.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { TalkChatboxElement, TalkHtmlPanelElement, defineElements, type TalkSessionElement } from '../src/index.js';
import { captureConsole, expectNoLeaks, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

// A class can be defined once, so other names need subclasses (as a page that extends the kit has).
class ShopChatbox extends TalkChatboxElement {}
class ShopHtmlPanel extends TalkHtmlPanelElement {}
defineElements([
  ['shop-chatbox', ShopChatbox],
  ['shop-html-panel', ShopHtmlPanel],
]);

describe('elements under other names', () => {
  it('an HTML panel registered as <shop-html-panel> inside a <shop-chatbox>: the panel is created in that chatbox, no talk-error', async () => {
    fake = sampleFake();
    const output = captureConsole({ untilTestEnds: true });
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    const chatbox = document.createElement('shop-chatbox') as ShopChatbox;
    chatbox.setAttribute('conversation-id', 'order-1');
    const panel = document.createElement('shop-html-panel') as ShopHtmlPanel;
    panel.setAttribute('url', '/test/fixtures/panel.html');
    chatbox.append(panel);
    sessionEl.append(chatbox);
    await until(() => panel.htmlPanel !== undefined, 'the HTML panel created');
    expect(fake.callsTo('createHtmlPanel', fake.chatboxes[0])).to.have.length(1);
    expect(errors.events, 'talk-error events').to.have.length(0);
    expect(output.errors).to.have.length(0);
  });
});
