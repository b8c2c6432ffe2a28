/**
 * `<talk-html-panel>` as a child of a chatbox, inbox or popup. The panel is
 * made with the SDK's `createHtmlPanel` once its UI is mounted, follows `height` and `show`, is
 * remade for a new `url`, `conversation-id` or UI object, and destroyed with its element. With a
 * same-origin `url` (test/fixtures/panel.html, served by the test runner) its light-DOM children
 * are copied into the panel's document; with a cross-origin one they are not.
 */
import { expect } from '@open-wc/testing';
import type { TalkHtmlPanelElement } from '../src/index.js';
import type { FakeHtmlPanel } from '../src/testing/index.js';
import {
  boxesOf,
  captureConsole,
  expectNoLeaks,
  nextTask,
  placeUi,
  recordEvents,
  sampleFake,
  until,
  type FakeBox,
  type FakeTalk,
  type UiTag,
} from './helpers.js';

let fake: FakeTalk;
beforeEach(() => {
  fake = sampleFake();
});
afterEach(() => expectNoLeaks(fake));

const PANEL_URL = '/test/fixtures/panel.html';
const OTHER_PANEL_URL = '/test/fixtures/panel.html?second';
/** The same page on another origin: the test page is on localhost, this is 127.0.0.1 (or the other way round). */
const crossOriginUrl = () => `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}${PANEL_URL}`;

const CHILDREN = '<p class="note">Order #1 ships <strong>today</strong>.</p><a href="/orders/1">Order details</a>';

/** A `<talk-html-panel>` with `attributes` and the CHILDREN markup (not yet in the page). */
function makePanel(attributes: Record<string, string>, children = CHILDREN): TalkHtmlPanelElement {
  const panel = document.createElement('talk-html-panel');
  for (const [name, value] of Object.entries(attributes)) panel.setAttribute(name, value);
  panel.innerHTML = children;
  return panel;
}

/**
 * A `tag` UI element in a session with a panel child (placed before the UI element is in the page,
 * as markup is); resolves once the panel fired talk-ready.
 */
async function placeWithPanel(tag: UiTag, uiAttributes: Record<string, string>, panelAttributes: Record<string, string>) {
  const panelEl = makePanel(panelAttributes);
  const readyEvents = recordEvents(panelEl, ['talk-ready'], { untilTestEnds: true });
  const { sessionEl, el } = await placeUi(fake, tag, uiAttributes, {}, { waitReady: false });
  el.append(panelEl);
  await until(() => readyEvents.events.length > 0, '<talk-html-panel> talk-ready');
  return { sessionEl, el, panelEl, readyEvents };
}

/** The body markup of the panel's document, asked through postMessage (works across origins). */
function askPanelBody(panel: FakeHtmlPanel): Promise<string> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { panelBody?: unknown } | null;
      if (event.source !== panel.window || typeof data?.panelBody !== 'string') return;
      window.removeEventListener('message', onMessage);
      resolve(data.panelBody);
    };
    window.addEventListener('message', onMessage);
    panel.window.postMessage('panel-body?', '*');
  });
}

/** The panel's document (same-origin only). */
function panelDocument(panel: FakeHtmlPanel): Document {
  const doc = panel.iframe.contentDocument;
  if (!doc) throw new Error(`${String(panel.id)}: no reachable document`);
  return doc;
}

function iframesIn(box: FakeBox): HTMLIFrameElement[] {
  return [...(box.element?.shadowRoot?.querySelectorAll<HTMLIFrameElement>('iframe[data-part="html-panel"]') ?? [])];
}

for (const tag of ['talk-chatbox', 'talk-inbox', 'talk-popup'] as const) {
  describe(`<talk-html-panel>: in <${tag}>`, () => {
    it('createHtmlPanel({ url, height, show, conversation }) once, after mount; talk-ready { htmlPanel }; the iframe is in the UI', async () => {
      // A closed popup too: its panel exists (and loads) before the user opens it.
      const uiAttributes = { 'conversation-id': 'order-1' };
      const { el, panelEl, readyEvents } = await placeWithPanel(tag, uiAttributes, {
        url: PANEL_URL,
        height: '80',
        show: '',
        'conversation-id': 'order-1',
      });
      const box = boxesOf(fake, tag)[0]!;
      const creates = fake.callsTo('createHtmlPanel');
      expect(creates.map((call) => call.args)).to.deep.equal([[{ url: PANEL_URL, height: 80, show: true, conversation: 'order-1' }]]);
      expect(creates[0]!.object).to.equal(box);
      const mountIndex = fake.calls.findIndex((call) => call.object === box && call.method === 'mount');
      const createIndex = fake.calls.indexOf(creates[0]!);
      expect(mountIndex, `${box.label}.mount() call`).to.be.greaterThan(-1);
      expect(createIndex, 'createHtmlPanel after mount').to.be.greaterThan(mountIndex);

      const panel = fake.htmlPanels[0]!;
      expect(panelEl.htmlPanel).to.equal(panel);
      expect(readyEvents.events).to.have.length(1);
      expect(readyEvents.events[0]!.detail).to.deep.equal({ htmlPanel: panel });
      expect(panelEl.status).to.equal('ready');
      expect(iframesIn(box)).to.deep.equal([panel.iframe]);
      expect(panel.iframe.height).to.equal('80');
      expect(el.status).to.equal('ready');
    });

    it("same-origin url: the children replace the panel document's body", async () => {
      // A closed popup too: its panel exists (and loads) before the user opens it.
      const uiAttributes = { 'conversation-id': 'order-1' };
      const { panelEl } = await placeWithPanel(tag, uiAttributes, { url: PANEL_URL });
      const panel = fake.htmlPanels[0]!;
      expect(panelDocument(panel).body.innerHTML).to.equal(CHILDREN);
      expect(panelDocument(panel).getElementById('original')).to.equal(null);
      expect(panelEl.innerHTML, 'the children stay in the element').to.equal(CHILDREN);
    });
  });
}

describe('<talk-html-panel>: children', () => {
  it('changes to the children (text, attributes, new nodes, removal) are copied again', async () => {
    const { panelEl } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL });
    const doc = panelDocument(fake.htmlPanels[0]!);

    panelEl.querySelector('strong')!.textContent = 'tomorrow';
    await until(() => doc.querySelector('strong')?.textContent === 'tomorrow', 'the new text in the panel');

    panelEl.querySelector('a')!.setAttribute('href', '/orders/1/track');
    await until(() => doc.querySelector('a')?.getAttribute('href') === '/orders/1/track', 'the new attribute in the panel');

    const button = document.createElement('button');
    button.textContent = 'Track the parcel';
    panelEl.append(button);
    await until(() => doc.querySelector('button')?.textContent === 'Track the parcel', 'the new node in the panel');

    panelEl.querySelector('p')!.remove();
    await until(() => doc.querySelector('p') === null, 'the removed node gone from the panel');
    expect(doc.body.innerHTML).to.equal(panelEl.innerHTML);
    expect(fake.callsTo('createHtmlPanel'), 'no new panel for a change of the children').to.have.length(1);
  });

  it('cross-origin url: the panel loads that page, the children are not copied (nor later changes), no error', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const console = captureConsole({ untilTestEnds: true });
    const url = crossOriginUrl();
    const { panelEl } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url });
    const panel = fake.htmlPanels[0]!;
    expect(fake.callsTo('createHtmlPanel').map((call) => call.args)).to.deep.equal([[{ url }]]);
    await panel.windowLoadedPromise;
    expect(panel.iframe.contentDocument, 'the page cannot reach the panel document').to.equal(null);

    const body = await askPanelBody(panel);
    expect(body).to.contain('id="original"');
    expect(body).to.not.contain('Order #1 ships');

    panelEl.querySelector('strong')!.textContent = 'tomorrow';
    await nextTask();
    const later = await askPanelBody(panel);
    expect(later).to.contain('id="original"');
    expect(later).to.not.contain('tomorrow');
    expect(errors.events).to.have.length(0);
    expect(console.errors).to.have.length(0);
  });
});

describe('<talk-html-panel>: attribute changes', () => {
  it('height → setHeight(n); show="false" → hide(); show again → show(); on the same panel', async () => {
    const { panelEl } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL, height: '80' });
    const panel = fake.htmlPanels[0]!;

    panelEl.setAttribute('height', '120');
    await until(() => fake.callsTo('setHeight', panel).length === 1, 'setHeight()');
    expect(fake.callsTo('setHeight', panel)[0]!.args).to.deep.equal([120]);
    expect(panel.iframe.height).to.equal('120');

    panelEl.setAttribute('show', 'false');
    await until(() => fake.callsTo('hide', panel).length === 1, 'hide()');
    expect(panel.shown).to.equal(false);
    expect(panel.isVisible()).to.equal(false);

    panelEl.setAttribute('show', '');
    await until(() => fake.callsTo('show', panel).length === 1, 'show()');
    expect(panel.shown).to.equal(true);

    panelEl.setAttribute('show', 'false');
    await until(() => fake.callsTo('hide', panel).length === 2, 'hide() again');
    panelEl.removeAttribute('show');
    await until(() => fake.callsTo('show', panel).length === 2, 'show() when show is removed (the default is shown)');

    await nextTask();
    expect(fake.callsTo('createHtmlPanel')).to.have.length(1);
    expect(fake.callsTo('destroy', panel)).to.have.length(0);
  });

  it('show="false" at first: createHtmlPanel({ url, show: false }) and no hide() call', async () => {
    await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL, show: 'false' });
    expect(fake.callsTo('createHtmlPanel').map((call) => call.args)).to.deep.equal([[{ url: PANEL_URL, show: false }]]);
    expect(fake.callsTo('hide')).to.have.length(0);
    expect(fake.htmlPanels[0]!.shown).to.equal(false);
  });

  it('a new url: the old panel is destroyed, a new one made with the new url, filled again', async () => {
    const { panelEl, readyEvents } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL, height: '90' });
    const first = fake.htmlPanels[0]!;
    panelEl.setAttribute('url', OTHER_PANEL_URL);
    await until(() => readyEvents.events.length === 2, 'talk-ready of the second panel');
    const second = fake.htmlPanels[1]!;
    expect(fake.callsTo('destroy', first)).to.have.length(1);
    expect(first.isAlive).to.equal(false);
    expect(fake.callsTo('createHtmlPanel').map((call) => call.args)).to.deep.equal([[{ url: PANEL_URL, height: 90 }], [{ url: OTHER_PANEL_URL, height: 90 }]]);
    expect(panelEl.htmlPanel).to.equal(second);
    expect(panelDocument(second).body.innerHTML).to.equal(CHILDREN);
    expect(fake.live().htmlPanels).to.equal(1);
  });

  it('a new conversation-id: a new panel for that conversation', async () => {
    const { panelEl, readyEvents } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL, 'conversation-id': 'order-1' });
    const first = fake.htmlPanels[0]!;
    panelEl.setAttribute('conversation-id', 'order-2');
    await until(() => readyEvents.events.length === 2, 'talk-ready of the second panel');
    expect(first.isAlive).to.equal(false);
    expect(fake.callsTo('createHtmlPanel').at(-1)!.args).to.deep.equal([{ url: PANEL_URL, conversation: 'order-2' }]);
    // The chatbox shows order-1: the new panel is not rendered there.
    expect(fake.htmlPanels[1]!.isVisible()).to.equal(false);
  });
});

describe('<talk-html-panel>: lifecycle', () => {
  it('removing the panel element destroys the panel; the chatbox stays', async () => {
    const { panelEl } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL });
    const panel = fake.htmlPanels[0]!;
    const box = fake.chatboxes[0]!;
    panelEl.remove();
    await until(() => !panel.isAlive, 'the panel destroyed');
    expect(fake.callsTo('destroy', panel)).to.have.length(1);
    expect(panel.iframe.isConnected).to.equal(false);
    expect(box.isAlive).to.equal(true);
    expect(fake.callsTo('destroy', box)).to.have.length(0);
    expect(fake.live().htmlPanels).to.equal(0);
  });

  it('moving the panel element to the same chatbox in one task keeps the panel', async () => {
    const { el, panelEl } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL });
    const panel = fake.htmlPanels[0]!;
    el.prepend(panelEl);
    await nextTask();
    await nextTask();
    expect(panel.isAlive).to.equal(true);
    expect(fake.callsTo('createHtmlPanel')).to.have.length(1);
  });

  it('added after the chatbox is ready: created at once', async () => {
    const { el } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const panelEl = makePanel({ url: PANEL_URL });
    el.append(panelEl);
    await until(() => panelEl.status === 'ready', 'the panel ready');
    expect(fake.callsTo('createHtmlPanel')).to.have.length(1);
    expect(panelDocument(fake.htmlPanels[0]!).body.innerHTML).to.equal(CHILDREN);
  });

  it('the chatbox recreated by an option change: a new panel on the new chatbox, filled again', async () => {
    const { el, panelEl, readyEvents } = await placeWithPanel(
      'talk-chatbox',
      { 'conversation-id': 'order-1', theme: 'default' },
      { url: PANEL_URL, height: '70' },
    );
    const [firstBox] = fake.chatboxes;
    const firstPanel = fake.htmlPanels[0]!;
    el.setAttribute('theme', 'dark');
    await until(() => readyEvents.events.length === 2, 'talk-ready of the panel on the new chatbox');
    const secondBox = fake.chatboxes[1]!;
    expect(firstBox!.isAlive).to.equal(false);
    expect(firstPanel.isAlive, 'the old panel died with its chatbox').to.equal(false);
    const creates = fake.callsTo('createHtmlPanel');
    expect(creates.map((call) => call.object)).to.deep.equal([firstBox, secondBox]);
    expect(creates[1]!.args).to.deep.equal([{ url: PANEL_URL, height: 70 }]);
    expect(panelEl.htmlPanel).to.equal(fake.htmlPanels[1]);
    expect(iframesIn(secondBox)).to.deep.equal([fake.htmlPanels[1]!.iframe]);
    expect(panelDocument(fake.htmlPanels[1]!).body.innerHTML).to.equal(CHILDREN);
    expect(fake.live()).to.deep.include({ chatboxes: 1, htmlPanels: 1 });
  });

  it('a new session (user-id change): the chatbox and its panel are made again', async () => {
    const { sessionEl, readyEvents } = await placeWithPanel('talk-chatbox', { 'conversation-id': 'order-1' }, { url: PANEL_URL });
    sessionEl.setAttribute('user-id', 'bob');
    await until(() => readyEvents.events.length === 2, 'talk-ready of the panel in the new session');
    expect(fake.htmlPanels[0]!.isAlive).to.equal(false);
    expect(fake.callsTo('createHtmlPanel').at(-1)!.object).to.equal(fake.chatboxes[1]);
    expect(fake.live()).to.deep.include({ sessions: 1, chatboxes: 1, htmlPanels: 1 });
  });
});

describe('<talk-html-panel>: input errors', () => {
  it('not a child of a chat element (directly in <talk-session>): one invalid-attribute, no panel', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    const console = captureConsole({ untilTestEnds: true });
    const { sessionEl } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const panelEl = makePanel({ url: PANEL_URL });
    sessionEl.append(panelEl);
    await until(() => panelEl.status === 'error', 'status error');
    await nextTask();
    expect(errors.events).to.have.length(1);
    expect(errors.events[0]!.target).to.equal(panelEl);
    expect(errors.events[0]!.detail).to.include({ code: 'invalid-attribute' });
    expect(errors.events[0]!.detail.message).to.contain('<talk-chatbox>');
    expect(console.errors).to.have.length(1);
    expect(fake.callsTo('createHtmlPanel')).to.have.length(0);
  });

  it('a grandchild of a chatbox (inside a <div>) is not a child: invalid-attribute', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const { el } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const wrapper = document.createElement('div');
    const panelEl = makePanel({ url: PANEL_URL });
    wrapper.append(panelEl);
    el.append(wrapper);
    await until(() => panelEl.status === 'error', 'status error');
    expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['invalid-attribute']);
    expect(fake.callsTo('createHtmlPanel')).to.have.length(0);
  });

  it('no url: one invalid-attribute naming url; setting it creates the panel', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const { el } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const panelEl = makePanel({});
    el.append(panelEl);
    await until(() => panelEl.status === 'error', 'status error');
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'url']]);
    panelEl.setAttribute('url', PANEL_URL);
    await until(() => panelEl.status === 'ready', 'the panel ready');
    expect(fake.callsTo('createHtmlPanel')).to.have.length(1);
  });

  it('height="tall": one invalid-attribute naming height, no panel', async () => {
    const errors = recordEvents(document, ['talk-error'], { untilTestEnds: true });
    captureConsole({ untilTestEnds: true });
    const { el } = await placeUi(fake, 'talk-chatbox', { 'conversation-id': 'order-1' });
    const panelEl = makePanel({ url: PANEL_URL, height: 'tall' });
    el.append(panelEl);
    await until(() => panelEl.status === 'error', 'status error');
    expect(errors.events.map((e) => [e.detail.code, e.detail.attribute])).to.deep.equal([['invalid-attribute', 'height']]);
    expect(fake.callsTo('createHtmlPanel')).to.have.length(0);
  });
});
