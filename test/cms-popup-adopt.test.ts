/**
 * Markup only, item 6: `<talk-popup>` adopts a popup that TalkJS restored on page load
 * (`keepOpen` on an earlier page; listed by `session.getPopups()`) instead of creating a second
 * one. The fake restores one in every new session with `createFakeTalk({ restoredPopup })`.
 *
 * When TalkJS restores it is left open by the declarations (the fake's `restoreTiming` reading):
 * inside the `Session` constructor (`sync`, the eager reading) the element adopts it at creation,
 * with no popup of its own; a task later (`macrotask`, the strict reading) the element has made
 * and mounted its own popup by then (the session is ready a few microtasks after its
 * constructor), so it destroys that one and adopts the restored popup. Either way: never two
 * live popups for one element, and in the end the restored popup is the element's.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkPopupElement, TalkSessionElement } from '../src/index.js';
import { currentFakeReadings, type FakePopup } from '../src/testing/index.js';
import { expectNoLeaks, nextTask, placeUi, recordEvents, sampleFake, until, type FakeTalk } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

/** Whether the fakes of this run restore inside the `Session` constructor. */
const SYNC_RESTORE = currentFakeReadings().restoreTiming === 'sync';

function launcher(popup: FakePopup): HTMLElement {
  const button = popup.element?.shadowRoot?.querySelector<HTMLElement>('[data-part="launcher"]');
  if (!button) throw new Error(`no launcher in ${popup.label}`);
  return button;
}

/**
 * Follows the popups `el` holds, as its `talk-ready` events announce them: at each one, every
 * popup it held before must be dead already (never two live popups for one element).
 */
function followPopups(el: TalkPopupElement) {
  const held: FakePopup[] = [];
  const violations: string[] = [];
  el.addEventListener('talk-ready', (event) => {
    const popup = (event as CustomEvent<{ popup: FakePopup }>).detail.popup;
    for (const before of held) if (before.isAlive) violations.push(`${before.label} still alive when ${popup.label} became the element's`);
    held.push(popup);
  });
  return { held, violations };
}

/** The restored popup of `session` (the fake's `sessions[index]`), once TalkJS has restored it. */
function restoredOf(f: FakeTalk, index = 0): FakePopup | undefined {
  return f.popups.find((popup) => popup.restored && popup.session === f.sessions[index]);
}

/**
 * A `<talk-session>` (alice) on `fake` and a `<talk-popup>` with `attributes` in it; waits until
 * the element holds the popup TalkJS restored, and checks how it got there under this run's
 * reading. Returns the element, the restored popup and the element's own popup (if it made one
 * first).
 */
async function placeAdopting(attributes: Record<string, string>) {
  const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
  const el = document.createElement('talk-popup');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const followed = followPopups(el);
  sessionEl.append(el);
  await until(() => restoredOf(fake) !== undefined && el.popup === restoredOf(fake) && el.status === 'ready', 'the restored popup adopted and ready');
  await nextTask();
  const restored = restoredOf(fake)!;
  const own = fake.popups.filter((popup) => !popup.restored);
  expect(followed.violations, 'two live popups for one element').to.deep.equal([]);
  if (SYNC_RESTORE) {
    expect(own, 'popups the element made (restored inside the Session constructor: none)').to.have.length(0);
    expect(followed.held, 'the popups the element held').to.deep.equal([restored]);
  } else {
    // Restored a task after the constructor: the element's own popup came first, and went.
    expect(own, 'popups the element made before TalkJS restored one').to.have.length(1);
    expect(own[0]!.isAlive, 'its own popup destroyed').to.equal(false);
    expect(fake.callsTo('destroy', own[0]!)).to.have.length(1);
    expect(followed.held, 'the popups the element held: its own, then the restored one').to.deep.equal([own[0], restored]);
  }
  expect(fake.live().popups, 'live popups').to.equal(1);
  return { sessionEl, el, restored, own: own[0], followed };
}

/** The `createPopup` calls the element's own first popup accounts for under this reading. */
const OWN_FIRST = SYNC_RESTORE ? 0 : 1;

describe('cms: <talk-popup> adopts a restored popup', () => {
  it('a restored popup: adopted (not mounted again), talk-ready with it, status ready', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el, restored, own } = await placeAdopting({ 'conversation-id': 'order-1' });
    expect(restored.restored).to.equal(true);
    expect(el.popup).to.equal(restored);
    expect(fake.callsTo('createPopup'), 'createPopup calls').to.have.length(OWN_FIRST);
    expect(fake.callsTo('mount').map((call) => call.object), 'mounted: only a popup the element made').to.deep.equal(own ? [own] : []);
    expect(fake.callsTo('mount', restored), 'the restored popup is not mounted again').to.have.length(0);
    expect(fake.callsTo('getPopups').length, 'getPopups() calls').to.be.greaterThan(0);
    expect(restored.visible, 'still open, as TalkJS restored it').to.equal(true);
    expect(restored.element?.isConnected).to.equal(true);
    expect(el.status).to.equal('ready');
  });

  it('talk-ready carries the restored popup; its events come out of the element (the launcher: talk-close, talk-open)', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const events = recordEvents(document, ['talk-ready', 'talk-open', 'talk-close'], { untilTestEnds: true });
    const { sessionEl, el, restored, own } = await placeAdopting({ 'conversation-id': 'order-1' });
    expect(events.events.every((e) => e.target === el)).to.equal(true);
    expect(sessionEl.session).to.equal(fake.sessions[0]);
    expect(events.of('talk-ready').map((e) => e.detail)).to.deep.equal(own ? [{ popup: own }, { popup: restored }] : [{ popup: restored }]);

    launcher(restored).click();
    expect(events.of('talk-close')).to.have.length(1);
    expect(el.show).to.equal(false);
    launcher(restored).click();
    expect(events.of('talk-open')).to.have.length(1);
    expect(el.show).to.equal(true);
  });

  it('follows show on the adopted popup: show="false" hides it at once, then show() / hide() on changes', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el, restored, own } = await placeAdopting({ 'conversation-id': 'order-1', show: 'false' });
    expect(fake.callsTo('hide', restored), 'hide() to catch up with show="false"').to.have.length(1);
    expect(restored.visible).to.equal(false);
    expect(fake.callsTo('mount', restored)).to.have.length(0);
    if (own) expect(fake.callsTo('mount', own).map((call) => call.args), 'its own popup was mounted closed').to.deep.equal([[{ show: false }]]);

    el.show = true;
    await until(() => restored.visible, 'open');
    expect(fake.callsTo('show', restored)).to.have.length(1);
    el.setAttribute('show', 'false');
    await until(() => !restored.visible, 'closed');
    expect(fake.callsTo('hide', restored)).to.have.length(2);
    expect(fake.callsTo('createPopup'), 'no popup made after the adoption').to.have.length(OWN_FIRST);
  });

  it('show present on an already open restored popup: no hide(), it stays open', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { restored } = await placeAdopting({ 'conversation-id': 'order-1', show: '' });
    expect(restored.visible).to.equal(true);
    expect(fake.callsTo('hide', restored)).to.have.length(0);
  });

  it('selects its conversation in the adopted popup', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { restored } = await placeAdopting({ 'conversation-id': 'order-2' });
    expect(fake.callsTo('select', restored).map((call) => call.args)).to.deep.equal([['order-2']]);
    expect(restored.shownConversationId).to.equal('order-2');
  });

  it('removing the element destroys the adopted popup', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el, restored } = await placeAdopting({ 'conversation-id': 'order-1' });
    el.remove();
    await until(() => !restored.isAlive, 'the restored popup destroyed');
    expect(fake.callsTo('destroy', restored)).to.have.length(1);
    expect(restored.element, 'its stand-in UI').to.equal(undefined);
    expect(fake.live().popups).to.equal(0);
    expect(fake.sessions[0]!.isAlive, 'the session stays').to.equal(true);
  });

  it('a second <talk-popup> does not adopt the same popup: it creates its own', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { sessionEl, el, restored, own } = await placeAdopting({ 'conversation-id': 'order-1' });
    const second = document.createElement('talk-popup') as TalkPopupElement;
    second.setAttribute('conversation-id', 'order-2');
    sessionEl.append(second);
    await until(() => second.status === 'ready', 'the second popup');
    await nextTask();
    await nextTask();
    const made = fake.popups.filter((popup) => !popup.restored && popup !== own);
    expect(made, 'the second element’s popup').to.have.length(1);
    expect(el.popup).to.equal(restored);
    expect(second.popup).to.equal(made[0]);
    expect(made[0]!.restored).to.equal(false);
    expect(fake.callsTo('createPopup')).to.have.length(OWN_FIRST + 1);
    expect(fake.callsTo('mount').map((call) => call.object)).to.deep.equal(own ? [own, made[0]] : [made[0]]);
    expect(fake.live().popups).to.equal(2);
  });

  it('two <talk-popup> elements placed together: exactly one adopts the restored popup, the other keeps its own; never two live popups for one element', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
    const els = ['order-1', 'order-2'].map((id) => {
      const el = document.createElement('talk-popup');
      el.setAttribute('conversation-id', id);
      return el;
    });
    const followed = els.map((el) => followPopups(el));
    sessionEl.append(...els);
    await until(() => restoredOf(fake) !== undefined && els.some((el) => el.popup === restoredOf(fake)) && els.every((el) => el.status === 'ready'), 'one adopted, both ready');
    await nextTask();
    await nextTask();
    const restored = restoredOf(fake)!;
    expect(followed.flatMap((f) => f.violations), 'two live popups for one element').to.deep.equal([]);
    expect(els.filter((el) => el.popup === restored), 'elements holding the restored popup').to.have.length(1);
    const other = els.find((el) => el.popup !== restored)!;
    expect((other.popup as FakePopup | undefined)?.restored, 'the other element holds a popup of its own').to.equal(false);
    expect(fake.live().popups, 'live popups: the restored one and the other element’s').to.equal(2);
    expect(fake.callsTo('createPopup')).to.have.length(SYNC_RESTORE ? 1 : 2);
  });

  it('an option change recreates the popup: the adopted one is destroyed and a new one created (not re-adopted)', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el, restored } = await placeAdopting({ 'conversation-id': 'order-1' });
    el.setAttribute('launcher', 'always');
    await until(() => el.popup !== undefined && el.popup !== restored && el.status === 'ready', 'the new popup');
    await nextTask();
    await nextTask();
    expect(restored.isAlive).to.equal(false);
    const creates = fake.callsTo('createPopup').map((call) => call.args);
    expect(creates, 'createPopup calls').to.have.length(OWN_FIRST + 1);
    expect(creates.at(-1)).to.deep.equal([{ launcher: 'always' }]);
    expect((el.popup as FakePopup).restored).to.equal(false);
    expect(fake.live().popups).to.equal(1);
  });

  it('a new session restores a popup again: the element adopts that one', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { sessionEl, el, restored: first } = await placeAdopting({ 'conversation-id': 'order-1' });
    const followed = followPopups(el);
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => restoredOf(fake, 1) !== undefined && el.popup === restoredOf(fake, 1) && el.status === 'ready', 'the restored popup of the new session adopted');
    await nextTask();
    const second = restoredOf(fake, 1)!;
    expect(first.isAlive).to.equal(false);
    expect(second.restored).to.equal(true);
    expect(el.popup).to.equal(second);
    expect(followed.violations, 'two live popups for one element').to.deep.equal([]);
    // The element's own popup first under the macrotask reading, on each session.
    expect(fake.callsTo('createPopup')).to.have.length(2 * OWN_FIRST);
    expect(fake.live()).to.deep.include({ sessions: 1, popups: 1 });
  });
});

describe('cms: <talk-popup> without a restored popup', () => {
  it('creates one: createPopup once and mount once, and no popup is left behind on removal', async () => {
    fake = sampleFake();
    const { el } = await placeUi(fake, 'talk-popup', { 'conversation-id': 'order-1' });
    // Past the element's later look for a restored popup (a task after creation).
    await nextTask();
    await nextTask();
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
