/**
 * <talk-popup>: what is specific to the popup (its option attributes, `mount({ show })`, taking
 * no layout space, `show` following the user, `popup`, `talk-ready` with `{ popup }`), plus
 * selection and the status slots as the popup does them, and adopting a popup TalkJS restored.
 * The `ChatboxOptions` attributes the three UI elements share are tested for the popup in
 * chatbox.test.ts's shared table.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkPopupElement, TalkSessionElement } from '../src/index.js';
import { currentFakeReadings, type FakePopup } from '../src/testing/index.js';
import {
  EVERY_COMMON_ATTRIBUTE,
  EVERY_COMMON_OPTION,
  captureConsole,
  expectCreatedWith,
  expectNoLeaks,
  nextTask,
  placeUi,
  recordEvents,
  sampleFake,
  slots,
  until,
  type Attributes,
  type FakeTalk,
  type OptionCase,
  type Properties,
} from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

const placePopup = (attributes?: Attributes, properties?: Properties) => placeUi(fake, 'talk-popup', attributes, properties);

function launcher(popup: FakePopup): HTMLElement {
  const button = popup.element?.shadowRoot?.querySelector<HTMLElement>('[data-part="launcher"]');
  if (!button) throw new Error(`no launcher in ${popup.label}`);
  return button;
}

const POPUP_OPTION_CASES: OptionCase[] = [
  ['keep-open (present)', { 'keep-open': '' }, { keepOpen: true }],
  ['keep-open="false"', { 'keep-open': 'false' }, { keepOpen: false }],
  ['launcher="never"', { launcher: 'never' }, { launcher: 'never' }],
  ['launcher="always"', { launcher: 'always' }, { launcher: 'always' }],
  ['launcher="close-only"', { launcher: 'close-only' }, { launcher: 'close-only' }],
  ['show-close-in-header="auto"', { 'show-close-in-header': 'auto' }, { showCloseInHeader: 'auto' }],
  ['show-close-in-header="false"', { 'show-close-in-header': 'false' }, { showCloseInHeader: false }],
  ['show-close-in-header (present)', { 'show-close-in-header': '' }, { showCloseInHeader: true }],
  ['show (not an option)', { show: '' }, {}],
  [
    'every popup option attribute with the common ones',
    {
      'keep-open': '',
      launcher: 'never',
      'show-close-in-header': 'auto',
      ...EVERY_COMMON_ATTRIBUTE,
      show: '',
    },
    {
      keepOpen: true,
      launcher: 'never',
      showCloseInHeader: 'auto',
      ...EVERY_COMMON_OPTION,
    },
  ],
];

describe('<talk-popup>: options', () => {
  for (const [name, attributes, expected] of POPUP_OPTION_CASES) {
    it(`${name} → createPopup(${JSON.stringify(expected)})`, async () => {
      await placePopup(attributes);
      expectCreatedWith(fake, 'talk-popup', expected);
    });
  }

  it('merges the options property under the dedicated attributes (attributes win)', async () => {
    await placePopup({ launcher: 'never' }, { options: { launcher: 'always', keepOpen: true } });
    expect(fake.popups[0]!.options).to.deep.equal({ launcher: 'never', keepOpen: true });
  });
});

describe('<talk-popup>: mounting', () => {
  it('show present → mount({ show: true }): the popup opens', async () => {
    await placePopup({ 'conversation-id': 'order-1', show: '' });
    const popup = fake.popups[0]!;
    expect(fake.callsTo('mount', popup).map((call) => call.args)).to.deep.equal([[{ show: true }]]);
    expect(popup.visible).to.equal(true);
    expect(popup.mounted).to.equal(true);
    expect(fake.callsTo('show', popup), 'show() calls').to.have.length(0);
  });

  it('show absent → mount() with no argument: the popup stays closed', async () => {
    const { el } = await placePopup({ 'conversation-id': 'order-1' });
    const popup = fake.popups[0]!;
    expect(fake.callsTo('mount', popup).map((call) => call.args)).to.deep.equal([[]]);
    expect(popup.visible).to.equal(false);
    expect(popup.mounted).to.equal(true);
    expect(el.show).to.equal(undefined);
    expect(fake.callsTo('show', popup)).to.have.length(0);
    expect(fake.callsTo('hide', popup)).to.have.length(0);
  });

  it('show="false" means false: the popup is not opened', async () => {
    const { el } = await placePopup({ 'conversation-id': 'order-1', show: 'false' });
    const popup = fake.popups[0]!;
    expect(el.show).to.equal(false);
    expect(popup.visible).to.equal(false);
    expect(fake.callsTo('show', popup)).to.have.length(0);
  });

  it('the popup element takes no layout space (the popup floats over the page)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <div id="before" style="height: 10px"></div>
        <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><talk-popup conversation-id="order-1" show></talk-popup></talk-session>
        <div id="after" style="height: 10px"></div>
      </div>
    `);
    const el = wrapper.querySelector('talk-popup')!;
    await until(() => el.status === 'ready', 'popup ready');
    const rect = el.getBoundingClientRect();
    expect(rect.width, 'width').to.equal(0);
    expect(rect.height, 'height').to.equal(0);
    const before = wrapper.querySelector('#before')!.getBoundingClientRect();
    const after = wrapper.querySelector('#after')!.getBoundingClientRect();
    expect(after.top - before.bottom, 'space between the neighbours').to.equal(0);
    // The popup itself is on screen, outside the element.
    const popup = fake.popups[0]!;
    expect(popup.element?.isConnected).to.equal(true);
    expect(el.contains(popup.element!)).to.equal(false);
  });
});

describe('<talk-popup>: selection', () => {
  it('conversation-id="order-1" → select("order-1")', async () => {
    await placePopup({ 'conversation-id': 'order-1' });
    expect(fake.callsTo('select', fake.popups[0]!).map((call) => call.args)).to.deep.equal([['order-1']]);
  });

  it('no conversation-id → select(null)', async () => {
    await placePopup();
    expect(fake.callsTo('select', fake.popups[0]!).map((call) => call.args)).to.deep.equal([[null]]);
  });

  it('as-guest → select(id, { asGuest: true })', async () => {
    await placePopup({ 'conversation-id': 'order-1', 'as-guest': 'true' });
    expect(fake.callsTo('select', fake.popups[0]!).map((call) => call.args)).to.deep.equal([['order-1', { asGuest: true }]]);
  });
});

describe('<talk-popup>: show follows the user', () => {
  it('a launcher click opens the popup: show becomes true, without the kit calling show()', async () => {
    const events = recordEvents(document, ['talk-open', 'talk-close'], { untilTestEnds: true });
    const { el } = await placePopup({ 'conversation-id': 'order-1' });
    const popup = fake.popups[0]!;
    launcher(popup).click();
    expect(popup.visible).to.equal(true);
    await until(() => el.show === true, 'el.show true');
    await el.updateComplete;
    await nextTask();
    expect(fake.callsTo('show', popup), 'show() calls').to.have.length(0);
    expect(fake.callsTo('hide', popup), 'hide() calls').to.have.length(0);
    expect(events.of('talk-open')).to.have.length(1);

    launcher(popup).click();
    expect(popup.visible).to.equal(false);
    await until(() => el.show === false, 'el.show false');
    await el.updateComplete;
    await nextTask();
    expect(fake.callsTo('show', popup)).to.have.length(0);
    expect(fake.callsTo('hide', popup)).to.have.length(0);
    expect(events.of('talk-close')).to.have.length(1);
  });

  it("emit('open') / emit('close') set show true / false without show()/hide(); setting show afterwards still works", async () => {
    const { el } = await placePopup({ 'conversation-id': 'order-1', show: '' });
    const popup = fake.popups[0]!;
    expect(el.show).to.equal(true);

    popup.emit('close');
    await until(() => el.show === false, 'el.show false after close');
    await el.updateComplete;
    await nextTask();
    expect(fake.callsTo('hide', popup), 'hide() after the user closed it').to.have.length(0);
    expect(fake.callsTo('show', popup)).to.have.length(0);

    popup.emit('open');
    await until(() => el.show === true, 'el.show true after open');
    await el.updateComplete;
    await nextTask();
    expect(fake.callsTo('show', popup), 'show() after the user opened it').to.have.length(0);
    expect(fake.callsTo('hide', popup)).to.have.length(0);

    // The page can still close it: the kit knows it is open.
    el.show = false;
    await el.updateComplete;
    expect(fake.callsTo('hide', popup)).to.have.length(1);
    expect(popup.visible).to.equal(false);
    expect(fake.popups).to.have.length(1);
  });

  it('after the user closed it, show = true opens it again with show()', async () => {
    const { el } = await placePopup({ 'conversation-id': 'order-1' });
    const popup = fake.popups[0]!;
    launcher(popup).click();
    launcher(popup).click();
    await until(() => el.show === false, 'el.show false');
    await el.updateComplete;
    el.show = true;
    await el.updateComplete;
    expect(fake.callsTo('show', popup)).to.have.length(1);
    expect(popup.visible).to.equal(true);
  });
});

describe('<talk-popup>: loading and error slots, status and states', () => {
  it('loading slot shown (error slot hidden) until mounted, then both hidden; :state() follows', async () => {
    fake = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-popup><span slot="loading">Loading…</span><span slot="error">Failed</span></talk-popup>
      </talk-session>
    `);
    const el = sessionEl.querySelector('talk-popup')!;
    await nextTask();
    const { loading: loadingSlot, error: errorSlot } = slots(el);
    expect(el.status).to.equal('loading');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(loadingSlot.hidden, 'loading slot hidden while loading').to.equal(false);
    expect(errorSlot.hidden, 'error slot hidden while loading').to.equal(true);
    expect(el.querySelector<HTMLElement>('[slot="loading"]')!.getClientRects().length, 'loading content rendered').to.be.greaterThan(0);

    fake.resolveReady();
    await until(() => el.status === 'ready', 'popup ready');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(loadingSlot.hidden).to.equal(true);
    expect(errorSlot.hidden).to.equal(true);
    expect(el.querySelector<HTMLElement>('[slot="loading"]')!.getClientRects().length, 'loading content once ready').to.equal(0);
  });

  it('error slot shown when mounting fails', async () => {
    captureConsole({ untilTestEnds: true });
    fake.failNext('mount');
    const sessionEl = await fixture<TalkSessionElement>(html`
      <talk-session app-id="tTEST" user-id="alice" .sdk=${fake}>
        <talk-popup><span slot="error">Failed</span></talk-popup>
      </talk-session>
    `);
    const el = sessionEl.querySelector('talk-popup')!;
    await until(() => el.status === 'error', 'popup error');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(slots(el).error.hidden).to.equal(false);
    expect(el.querySelector<HTMLElement>('[slot="error"]')!.getClientRects().length, 'error content rendered').to.be.greaterThan(0);
    expect(el.popup).to.equal(undefined);
    expect(fake.popups[0]!.isAlive).to.equal(false);
  });
});

describe('<talk-popup>: popup property and talk-ready', () => {
  it('popup is undefined before creation, the live fake popup once ready, undefined after removal', async () => {
    fake = sampleFake({ ready: 'manual' });
    const sessionEl = await fixture<TalkSessionElement>(
      html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><talk-popup show></talk-popup></talk-session>`,
    );
    const el = sessionEl.querySelector('talk-popup')!;
    expect(el.popup).to.equal(undefined);
    fake.resolveReady();
    await until(() => el.status === 'ready', 'popup ready');
    expect(el.popup).to.equal(fake.popups[0]);
    el.remove();
    await nextTask();
    await nextTask();
    expect(el.popup).to.equal(undefined);
    expect(fake.popups[0]!.isAlive).to.equal(false);
    expect(fake.popups[0]!.element, 'stand-in popup removed from the page').to.equal(undefined);
  });

  it('talk-ready fires once on the element with detail { popup }', async () => {
    const events = recordEvents(document, ['talk-ready'], { untilTestEnds: true });
    const { el } = await placePopup({ show: '' });
    await nextTask();
    const ready = events.of('talk-ready');
    expect(ready).to.have.length(1);
    expect(ready[0]!.target).to.equal(el);
    expect(Object.keys(ready[0]!.detail)).to.deep.equal(['popup']);
    expect(ready[0]!.detail.popup).to.equal(fake.popups[0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Adopting a restored popup. `<talk-popup>` adopts a popup that TalkJS restored on page load
// (`keepOpen` on an earlier page; listed by `session.getPopups()`) instead of creating a second
// one. The fake restores one in every new session with `createFakeTalk({ restoredPopup })`.
//
// When TalkJS restores it is left open by the declarations (the fake's `restoreTiming` reading):
// inside the `Session` constructor (`sync`, the eager reading) the element adopts it at creation,
// with no popup of its own; a task later (`macrotask`, the strict reading) the element has made
// and mounted its own popup by then (the session is ready a few microtasks after its
// constructor), so it destroys that one and adopts the restored popup. Either way: never two
// live popups for one element, and in the end the restored popup is the element's.

/** Whether the fakes of this run restore inside the `Session` constructor. */
const SYNC_RESTORE = currentFakeReadings().restoreTiming === 'sync';

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

describe('<talk-popup>: adopts a restored popup', () => {
  it('a restored popup: adopted (not mounted again), talk-ready with it, status ready', async () => {
    fake = sampleFake({ restoredPopup: 'order-1' });
    const { el, restored, own } = await placeAdopting({ 'conversation-id': 'order-1' });
    expect(restored.restored).to.equal(true);
    expect(el.popup).to.equal(restored);
    expect(fake.callsTo('createPopup'), 'createPopup calls').to.have.length(OWN_FIRST);
    expect(
      fake.callsTo('mount').map((call) => call.object),
      'mounted: only a popup the element made',
    ).to.deep.equal(own ? [own] : []);
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
    if (own)
      expect(
        fake.callsTo('mount', own).map((call) => call.args),
        'its own popup was mounted closed',
      ).to.deep.equal([[{ show: false }]]);

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
    await until(
      () => restoredOf(fake) !== undefined && els.some((el) => el.popup === restoredOf(fake)) && els.every((el) => el.status === 'ready'),
      'one adopted, both ready',
    );
    await nextTask();
    await nextTask();
    const restored = restoredOf(fake)!;
    expect(
      followed.flatMap((f) => f.violations),
      'two live popups for one element',
    ).to.deep.equal([]);
    expect(
      els.filter((el) => el.popup === restored),
      'elements holding the restored popup',
    ).to.have.length(1);
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
    await until(
      () => restoredOf(fake, 1) !== undefined && el.popup === restoredOf(fake, 1) && el.status === 'ready',
      'the restored popup of the new session adopted',
    );
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

describe('<talk-popup>: without a restored popup', () => {
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
