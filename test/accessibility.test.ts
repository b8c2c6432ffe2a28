/**
 * Accessibility of what the kit itself renders: the status box of the chat elements is a live
 * region (`role="status"` for loading, `role="alert"` for failure) with a fallback sentence, and
 * the host is `aria-busy` while loading (ARIA practices for busy regions and alerts).
 */
import { expect } from '@open-wc/testing';
import { captureConsole, expectNoLeaks, placeUi, sampleFake, until, type FakeTalk, type UiTag } from './helpers.js';

let fake: FakeTalk;
afterEach(() => expectNoLeaks(fake));

/** `aria-busy` as assistive technology reads it from the host's ElementInternals. */
function ariaBusy(el: Element): string | null | undefined {
  const internals = (el as unknown as { internals?: ElementInternals }).internals;
  return internals?.ariaBusy;
}

for (const tag of ['talk-chatbox', 'talk-inbox', 'talk-popup'] as const satisfies readonly UiTag[]) {
  describe(`accessibility: <${tag}> status box`, () => {
    it('loading: role="status" holds the loading slot with a fallback sentence; the host is aria-busy', async () => {
      fake = sampleFake({ ready: 'manual' });
      const { el } = await placeUi(fake, tag, { 'conversation-id': 'order-1' }, {}, { waitReady: false });
      const status = el.shadowRoot!.querySelector('[role="status"]');
      expect(status, 'a polite live region').to.not.equal(null);
      const loading = status!.querySelector<HTMLSlotElement>('slot[name="loading"]')!;
      expect(loading.hidden).to.equal(false);
      expect(loading.textContent).to.match(/^Loading the (chatbox|inbox|popup)…$/);
      expect(ariaBusy(el)).to.equal('true');
      fake.resolveReady();
      await until(() => el.status === 'ready', 'ready');
      expect(ariaBusy(el)).to.equal('false');
      expect(loading.hidden).to.equal(true);
    });

    it('failure: role="alert" holds the error slot with a fallback sentence, shown; not busy', async () => {
      fake = sampleFake();
      captureConsole({ untilTestEnds: true });
      fake.failNext('mount');
      const { el } = await placeUi(fake, tag, { 'conversation-id': 'order-1' }, {}, { waitReady: false });
      await until(() => el.status === 'error', 'error');
      const alert = el.shadowRoot!.querySelector('[role="alert"]');
      expect(alert, 'an assertive live region').to.not.equal(null);
      const error = alert!.querySelector<HTMLSlotElement>('slot[name="error"]')!;
      expect(error.hidden).to.equal(false);
      expect(error.textContent).to.match(/could not be loaded\.$/);
      expect(ariaBusy(el)).to.equal('false');
    });
  });
}
