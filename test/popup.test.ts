/**
 * <talk-popup>: what is specific to the popup (its option attributes, `mount({ show })`, taking
 * no layout space, `show` following the user, `popup`, `talk-ready` with `{ popup }`), plus
 * selection and the status slots as the popup does them. The `ChatboxOptions` attributes the
 * three UI elements share are tested for the popup in chatbox.test.ts's shared table.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TalkSessionElement } from '../src/index.js';
import type { FakePopup } from '../src/testing/index.js';
import { EVERY_COMMON_ATTRIBUTE, EVERY_COMMON_OPTION, captureConsole, expectCreatedWith, expectNoLeaks, nextTask, placeUi, recordEvents, sampleFake, slots, until, type Attributes, type FakeTalk, type OptionCase, type Properties } from './helpers.js';

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
    const sessionEl = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}><talk-popup show></talk-popup></talk-session>`);
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
