/**
 * Markup only, item 6: `<talk-popup>` adopts a popup that TalkJS restored on page load
 * (`keepOpen` on an earlier page; listed by `session.getPopups()`) instead of creating a second
 * one. The fake restores one in every new session with `createFakeTalk({ restoredPopup })`.
 */
import { expect } from '@open-wc/testing';
import type { TalkPopupElement } from '../src/index.js';
import type { FakePopup } from '../src/testing/index.js';
import { expectNoLeaks, nextTask, placeUi, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

function launcher(popup: FakePopup): HTMLElement {
  const button = popup.element?.shadowRoot?.querySelector<HTMLElement>('[data-part="launcher"]');
  if (!button) throw new Error(`no launcher in ${popup.label}`);
  return button;
}

describe('cms: <talk-popup> adopts a restored popup', () => {
  it('a restored popup: adopted (no createPopup, no mount), talk-ready with it, status ready', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    const restored = fake.popups[0]!;
    expect(restored.restored).to.equal(true);
    expect(fake.popups, 'popups in the fake').to.have.length(1);
    expect(el.popup).to.equal(restored);
    expect(fake.callsTo('createPopup')).to.have.length(0);
    expect(fake.callsTo('mount')).to.have.length(0);
    expect(fake.callsTo('getPopups').length, 'getPopups() calls').to.be.greaterThan(0);
    expect(restored.visible, 'still open, as TalkJS restored it').to.equal(true);
    expect(restored.element?.isConnected).to.equal(true);
    expect(el.status).to.equal('ready');
  });

  it('talk-ready carries the restored popup; its events come out of the element (the launcher: talk-close, talk-open)', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const events = recordEvents(document, ['talk-ready', 'talk-open', 'talk-close'], { untilTestEnds: true });
    const { sessionEl, el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    expect(events.events.every((e) => e.target === el)).to.equal(true);
    expect(sessionEl.session).to.equal(fake.sessions[0]);
    const restored = fake.popups[0]!;
    expect(events.of('talk-ready').map((e) => e.detail)).to.deep.equal([{ popup: restored }]);

    launcher(restored).click();
    expect(events.of('talk-close')).to.have.length(1);
    expect(el.show).to.equal(false);
    launcher(restored).click();
    expect(events.of('talk-open')).to.have.length(1);
    expect(el.show).to.equal(true);
  });

  it('follows show on the adopted popup: show="false" hides it at once, then show() / hide() on changes', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1', show: 'false' });
    const restored = fake.popups[0]!;
    expect(fake.callsTo('hide', restored), 'hide() to catch up with show="false"').to.have.length(1);
    expect(restored.visible).to.equal(false);
    expect(fake.callsTo('mount')).to.have.length(0);

    el.show = true;
    await until(() => restored.visible, 'open');
    expect(fake.callsTo('show', restored)).to.have.length(1);
    el.setAttribute('show', 'false');
    await until(() => !restored.visible, 'closed');
    expect(fake.callsTo('hide', restored)).to.have.length(2);
    expect(fake.callsTo('createPopup')).to.have.length(0);
  });

  it('show present on an already open restored popup: no extra call needed, it stays open', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1', show: '' });
    const restored = fake.popups[0]!;
    expect(restored.visible).to.equal(true);
    expect(fake.callsTo('hide', restored)).to.have.length(0);
  });

  it('selects its conversation in the adopted popup', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-2' });
    const restored = fake.popups[0]!;
    expect(fake.callsTo('select', restored).map((call) => call.args)).to.deep.equal([['order-2']]);
    expect(restored.shownConversationId).to.equal('order-2');
  });

  it('removing the element destroys the adopted popup', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    const restored = fake.popups[0]!;
    el.remove();
    await until(() => !restored.isAlive, 'the restored popup destroyed');
    expect(fake.callsTo('destroy', restored)).to.have.length(1);
    expect(restored.element, 'its stand-in UI').to.equal(undefined);
    expect(fake.live().popups).to.equal(0);
    expect(fake.sessions[0]!.isAlive, 'the session stays').to.equal(true);
  });

  it('a second <talk-popup> does not adopt the same popup: it creates its own', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { sessionEl, el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    const second = document.createElement('talk-popup') as TalkPopupElement;
    second.setAttribute('conversation-id', 'order-2');
    sessionEl.append(second);
    await until(() => second.status === 'ready', 'the second popup');
    expect(el.popup).to.equal(fake.popups[0]);
    expect(second.popup).to.equal(fake.popups[1]);
    expect(fake.popups[1]!.restored).to.equal(false);
    expect(fake.callsTo('createPopup')).to.have.length(1);
    expect(fake.callsTo('mount').map((call) => call.object)).to.deep.equal([fake.popups[1]]);
  });

  it('an option change recreates the popup: the adopted one is destroyed and a new one created (not re-adopted)', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    const restored = fake.popups[0]!;
    el.setAttribute('launcher', 'always');
    await until(() => el.popup !== undefined && el.popup !== restored && el.status === 'ready', 'the new popup');
    expect(restored.isAlive).to.equal(false);
    expect(fake.callsTo('createPopup').map((call) => call.args)).to.deep.equal([[{ launcher: 'always' }]]);
    expect(fake.live().popups).to.equal(1);
  });

  it('a new session restores a popup again: the element adopts that one', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { sessionEl, el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    const first = fake.popups[0]!;
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => el.popup !== undefined && el.popup !== first && el.status === 'ready', 'the popup of the new session');
    const second = fake.popups[1]!;
    expect(second.restored).to.equal(true);
    expect(el.popup).to.equal(second);
    expect(fake.callsTo('createPopup')).to.have.length(0);
    expect(fake.live()).to.deep.include({ sessions: 1, popups: 1 });
  });
});

describe('cms: <talk-popup> without a restored popup', () => {
  it('creates one: createPopup once and mount once, and no popup is left behind on removal', async () => {
    fake = sampleFake();
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    expect(fake.callsTo('getPopups').length).to.be.greaterThan(0);
    expect(fake.callsTo('createPopup').map((call) => call.args)).to.deep.equal([[{}]]);
    expect(fake.popups).to.have.length(1);
    expect(fake.popups[0]!.restored).to.equal(false);
    expect(fake.callsTo('mount', fake.popups[0]).map((call) => call.args)).to.deep.equal([[]]);
    expect(el.popup).to.equal(fake.popups[0]);
    el.remove();
    await nextTask();
    await nextTask();
    expect(fake.live().popups).to.equal(0);
  });
});
