/**
 * The Data API controllers of `talkjs-elements/controllers`, each in a small Lit host inside a
 * `<talk-session>` on the fake SDK: they subscribe once the host is connected and the session is
 * live, re-render the host per snapshot, resubscribe when their argument or the session changes,
 * unsubscribe on disconnect (the fake counts live subscriptions), survive a move within the DOM,
 * report `no-session` outside any session and `sdk-error` for a subscription that fails, honour
 * the host's `session` property, and (lists) load more.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml, type PropertyDeclarations } from 'lit';
import type Talk from 'talkjs';
import {
  ConversationController,
  ConversationListController,
  MessagesController,
  OnlineStatusController,
  SubscriptionController,
  TypingController,
  UserController,
} from '../src/controllers/index.js';
import type { TalkSessionElement } from '../src/index.js';
import type { SessionLike } from '../src/internal/sdk-types.js';
import type { FakeSession } from '../src/testing/index.js';
import { createFakeTalk, expectNoLeaks, nextTask, onCleanup, recordTimers, sampleData, sampleFake, until, type FakeTalk } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Hosts

type AnyController = SubscriptionController<unknown, unknown> & { loadMore?: (count?: number) => Promise<void>; loadedAll?: boolean };

/** A Lit host: `arg` feeds the controller, `session` overrides the context; every render is recorded. */
abstract class Host extends LitElement {
  static override properties: PropertyDeclarations = {
    arg: { attribute: false },
    session: { attribute: false },
    sessionTimeout: { attribute: false },
  };
  declare arg: string | null | undefined;
  declare session: SessionLike | null | undefined;
  declare sessionTimeout: number | undefined;
  /** What each render saw: the controller's status and its value, summarised. */
  renders: Array<{ status: string; value: string | null | undefined }> = [];
  abstract readonly data: AnyController;
  /** Summarises the controller's value (a string; `null` and `undefined` kept). */
  summary: (value: unknown) => string = String;

  protected override render() {
    const value = this.data.value;
    const shown = value === undefined || value === null ? value : this.summary(value);
    this.renders.push({ status: this.data.status, value: shown });
    return litHtml`<span>${this.data.status}:${shown ?? ''}</span>`;
  }

  /** What the host's shadow DOM shows now. */
  get shown(): string {
    return this.renderRoot.textContent ?? '';
  }
}

let hostCounter = 0;

/** Defines a Lit host class around `make` under a fresh tag; returns a factory. */
function defineHost(make: (host: Host) => AnyController): () => Host {
  const tag = `controller-host-${++hostCounter}`;
  class ThisHost extends Host {
    readonly data = make(this);
  }
  customElements.define(tag, ThisHost);
  return () => document.createElement(tag) as Host;
}

// ---------------------------------------------------------------------------------------------
// One spec per controller

const userName = (v: unknown) => (v as Talk.UserSnapshot).name;
const online = (v: unknown) => String((v as Talk.UserOnlineSnapshot).isConnected);
const conversation = (v: unknown) => {
  const c = v as Talk.ConversationSnapshot;
  return `${c.id}:${c.lastMessage?.plaintext ?? ''}`;
};
const typing = (v: unknown) => {
  const t = v as Talk.TypingSnapshot;
  return t.many ? 'many' : t.users.map((u) => u.name).join(',');
};
const messages = (v: unknown) => (v as Talk.MessageSnapshot[]).map((m) => m.plaintext).join(',');
const conversations = (v: unknown) => (v as Talk.ConversationSnapshot[]).map(conversation).join(',');

interface Spec {
  name: string;
  make: (host: Host) => AnyController;
  summary: (value: unknown) => string;
  /** The fake's method name (for `callsTo` and `failNext`), and the label prefix of what it is called on. */
  method: string;
  prefix: 'UserRef#' | 'ConversationRef#' | 'Session#';
  /** The object a subscription is made on, on `session`, for `arg`. */
  ref: (session: FakeSession, arg: string | undefined) => object;
  /** The argument (none for the conversation list), another one, and an unknown one. */
  arg?: string;
  otherArg?: string;
  unknownArg?: string;
  /** What the value summarises to for `arg` as alice, after `change`, and for `otherArg`. */
  first: string;
  change: (fake: FakeTalk) => void;
  changed: string;
  other?: string;
}

const SPECS: Spec[] = [
  {
    name: 'UserController',
    make: (host) => new UserController(host, () => host.arg),
    summary: userName,
    method: 'subscribe',
    prefix: 'UserRef#',
    ref: (s, arg) => s.user(arg!),
    arg: 'bob',
    otherArg: 'carol',
    unknownArg: 'nobody',
    first: 'Bob',
    change: (fake) => fake.backend.upsertUser({ id: 'bob', name: 'Robert' }),
    changed: 'Robert',
    other: 'Carol',
  },
  {
    name: 'OnlineStatusController',
    make: (host) => new OnlineStatusController(host, () => host.arg),
    summary: online,
    method: 'subscribeOnline',
    prefix: 'UserRef#',
    ref: (s, arg) => s.user(arg!),
    arg: 'bob',
    otherArg: 'carol',
    unknownArg: 'nobody',
    first: 'false',
    change: (fake) => fake.backend.setOnline('bob', true),
    changed: 'true',
    other: 'false',
  },
  {
    name: 'ConversationController',
    make: (host) => new ConversationController(host, () => host.arg),
    summary: conversation,
    method: 'subscribe',
    prefix: 'ConversationRef#',
    ref: (s, arg) => s.conversation(arg!),
    arg: 'order-1',
    otherArg: 'order-2',
    unknownArg: 'nope',
    first: 'order-1:',
    change: (fake) => fake.backend.sendMessage('order-1', 'bob', 'Shipped'),
    changed: 'order-1:Shipped',
    other: 'order-2:',
  },
  {
    name: 'TypingController',
    make: (host) => new TypingController(host, () => host.arg),
    summary: typing,
    method: 'subscribeTyping',
    prefix: 'ConversationRef#',
    ref: (s, arg) => s.conversation(arg!),
    arg: 'order-1',
    otherArg: 'order-2',
    unknownArg: 'nope',
    first: '',
    change: (fake) => fake.backend.setTyping('order-1', 'bob', true),
    changed: 'Bob',
    other: '',
  },
  {
    name: 'MessagesController',
    make: (host) => new MessagesController(host, () => host.arg),
    summary: messages,
    method: 'subscribeMessages',
    prefix: 'ConversationRef#',
    ref: (s, arg) => s.conversation(arg!),
    arg: 'order-1',
    otherArg: 'order-2',
    unknownArg: 'nope',
    first: '',
    change: (fake) => fake.backend.sendMessage('order-1', 'bob', 'Shipped'),
    changed: 'Shipped',
    other: '',
  },
  {
    name: 'ConversationListController',
    make: (host) => new ConversationListController(host),
    summary: (v) => conversations(v).split(',').sort().join(','),
    method: 'subscribeConversations',
    prefix: 'Session#',
    ref: (s) => s,
    first: 'order-1:,order-2:',
    change: (fake) => fake.backend.sendMessage('order-2', 'carol', 'Hi'),
    changed: 'order-1:,order-2:Hi',
  },
];

/** The host factory of each spec, defined once. */
const factories = new Map<Spec, () => Host>(SPECS.map((spec) => [spec, defineHost(spec.make)]));

function newHost(spec: Spec, arg: string | undefined = spec.arg): Host {
  const host = factories.get(spec)!();
  host.summary = spec.summary;
  host.arg = arg;
  return host;
}

/** `<talk-session app-id="tTEST" user-id="alice">` on `fake`, in the page. */
async function sessionFixture(fake: FakeTalk, attributes: Record<string, string> = {}): Promise<TalkSessionElement> {
  const el = await fixture<TalkSessionElement>(html`<talk-session app-id="tTEST" user-id="alice" .sdk=${fake}></talk-session>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

async function liveSession(fake: FakeTalk): Promise<TalkSessionElement> {
  const el = await sessionFixture(fake);
  await until(() => el.status === 'ready' && el.session !== undefined, '<talk-session> ready');
  return el;
}

const subscriptions = (fake: FakeTalk) => fake.live().subscriptions;
/** The subscribe calls `spec`'s controllers made (`subscribe` is both UserRef's and ConversationRef's). */
const callsOf = (fake: FakeTalk, spec: Spec) => fake.callsTo(spec.method).filter((call) => call.target.startsWith(spec.prefix));

async function ready(host: Host, message = 'the controller ready'): Promise<void> {
  await until(() => host.data.status === 'ready', message);
  await host.updateComplete;
}

// ---------------------------------------------------------------------------------------------

for (const spec of SPECS) {
  describe(`${spec.name} in a Lit host`, () => {
    let fake: FakeTalk;
    beforeEach(() => {
      fake = sampleFake();
    });
    afterEach(async () => {
      await expectNoLeaks(fake);
    });

    it('subscribes once the host is connected and the session is live: loading, then ready with the snapshot; one render per snapshot', async () => {
      fake = sampleFake({ ready: 'manual' });
      const host = newHost(spec);
      await nextTask();
      expect(host.data.status, 'a host never connected').to.equal('loading');
      const sessionEl = await sessionFixture(fake);
      sessionEl.append(host);
      await host.updateComplete;
      await nextTask();
      expect(host.data.status, 'connected, the SDK not loaded').to.equal('loading');
      expect(host.data.value).to.equal(undefined);
      expect(host.renders.at(-1), 'the render before any session').to.deep.equal({ status: 'loading', value: undefined });
      fake.resolveReady();
      await until(() => sessionEl.session !== undefined, 'the session');
      await ready(host);
      expect(callsOf(fake, spec), `${spec.method} calls`).to.have.length(1);
      expect(callsOf(fake, spec)[0]!.object, 'subscribed on the live session').to.equal(spec.ref(fake.sessions[0]!, spec.arg));
      expect(host.renders.at(-1)).to.deep.equal({ status: 'ready', value: spec.first });
      expect(host.renders.map((r) => r.status).filter((s, i, all) => s !== all[i - 1])).to.deep.equal(['loading', 'ready']);
      expect(host.shown).to.equal(`ready:${spec.first}`);
      const renders = host.renders.length;
      spec.change(fake);
      await host.updateComplete;
      expect(host.renders.length, 'one render for the new snapshot').to.equal(renders + 1);
      expect(host.renders.at(-1)).to.deep.equal({ status: 'ready', value: spec.changed });
      expect(host.shown).to.equal(`ready:${spec.changed}`);
      expect(callsOf(fake, spec), 'still one subscription').to.have.length(1);
    });

    it('unsubscribes on disconnect: the live subscriptions go back to the count before; no render after', async () => {
      const sessionEl = await liveSession(fake);
      await nextTask();
      const before = subscriptions(fake);
      const host = newHost(spec);
      sessionEl.append(host);
      await ready(host);
      expect(subscriptions(fake), 'with the host').to.equal(before + 1);
      host.remove();
      expect(subscriptions(fake), 'at once after removal').to.equal(before);
      expect(host.data.value, 'value after removal').to.equal(undefined);
      await host.updateComplete;
      const renders = host.renders.length;
      spec.change(fake);
      await nextTask();
      expect(host.renders.length, 'renders after removal').to.equal(renders);
      expect(callsOf(fake, spec)).to.have.length(1);
    });

    it('a host moved within its session in one task (light DOM, then into a shadow root) ends subscribed once; nothing leaked', async () => {
      const sessionEl = await liveSession(fake);
      await nextTask();
      const before = subscriptions(fake);
      const box = document.createElement('div');
      const shadowHost = document.createElement('div');
      const shadow = shadowHost.attachShadow({ mode: 'open' });
      sessionEl.append(box, shadowHost);
      const host = newHost(spec);
      sessionEl.append(host);
      await ready(host);
      box.append(host);
      shadow.append(host);
      await nextTask();
      await nextTask();
      await ready(host, 'ready after the moves');
      expect(subscriptions(fake), 'live subscriptions after the moves').to.equal(before + 1);
      expect(host.renders.at(-1)).to.deep.equal({ status: 'ready', value: spec.first });
      spec.change(fake);
      await host.updateComplete;
      expect(host.renders.at(-1), 'still following after the move').to.deep.equal({ status: 'ready', value: spec.changed });
      host.remove();
      expect(subscriptions(fake)).to.equal(before);
    });

    it('a host moved out of any session in one task: unsubscribed at once and re-rendered loading, without the old value', async () => {
      const sessionEl = await liveSession(fake);
      await nextTask();
      const before = subscriptions(fake);
      const outside = await fixture<HTMLDivElement>(html`<div></div>`);
      const host = newHost(spec);
      sessionEl.append(host);
      await ready(host);
      outside.append(host);
      expect(subscriptions(fake), 'at once after the move').to.equal(before);
      expect([host.data.status, host.data.value]).to.deep.equal(['loading', undefined]);
      await host.updateComplete;
      await nextTask();
      expect(host.renders.at(-1), 'the host’s last render').to.deep.equal({ status: 'loading', value: undefined });
      expect(host.shown).to.equal('loading:');
    });

    it('resubscribes when the session changes (user-id on the <talk-session>): the old one ended, the new one on the new session', async () => {
      const sessionEl = await liveSession(fake);
      await nextTask();
      const before = subscriptions(fake);
      const host = newHost(spec);
      sessionEl.append(host);
      await ready(host);
      const first = fake.sessions[0]!;
      sessionEl.setAttribute('user-id', 'carol');
      await until(() => fake.sessions.length === 2 && sessionEl.session === fake.sessions[1], 'the new session');
      const second = fake.sessions[1]!;
      await until(() => callsOf(fake, spec).length === 2 && host.data.status === 'ready', 'subscribed again');
      await host.updateComplete;
      expect(first.isAlive, 'the old session').to.equal(false);
      expect(callsOf(fake, spec)[1]!.object, 'the new subscription is on the new session').to.equal(spec.ref(second, spec.arg));
      expect(subscriptions(fake), 'live subscriptions: the host’s one, besides the new session’s own').to.equal(before + 1);
      // Seen as carol now: carol is not in order-1, and her only conversation is order-2.
      if (spec.name === 'ConversationListController') expect(host.renders.at(-1)!.value).to.equal('order-2:');
      if (spec.prefix === 'ConversationRef#') expect(host.renders.at(-1)!.value, 'carol is not in order-1').to.equal(null);
      host.remove();
      expect(subscriptions(fake), 'after removal').to.equal(before);
    });

    it('outside any session: status error with no-session after session-timeout, nothing subscribed; then moved into a session it subscribes', async () => {
      const timers = recordTimers('session-controller', { time: 'manual' });
      const sessionEl = await liveSession(fake);
      await nextTask();
      const calls = fake.calls.length;
      const outside = await fixture<HTMLDivElement>(html`<div></div>`);
      const host = newHost(spec);
      host.sessionTimeout = 30;
      outside.append(host);
      await host.updateComplete;
      expect(host.data.status).to.equal('loading');
      const timer = timers.outstanding().find((t) => t.delay === 30);
      expect(timer, 'a session-timeout timer of 30 ms').to.not.equal(undefined);
      timer!.fire();
      // Only the session-timeout was wanted: later timers (the fake's own, set from inside the kit's calls) run as usual.
      timers.restore();
      await host.updateComplete;
      expect(host.data.status).to.equal('error');
      expect(host.data.error?.code).to.equal('no-session');
      expect(host.data.value).to.equal(undefined);
      expect(host.renders.at(-1)!.status, 'the host re-rendered with the error').to.equal('error');
      expect(
        fake.calls.slice(calls).map((c) => c.method),
        'SDK calls for the host outside',
      ).to.deep.equal([]);
      sessionEl.append(host);
      await ready(host, 'ready once inside a session');
      expect(host.data.error).to.equal(undefined);
      expect(callsOf(fake, spec)).to.have.length(1);
    });

    it('the host’s session property wins over the <talk-session>, and works outside any session', async () => {
      const sessionEl = await liveSession(fake);
      await nextTask();
      const carol = new fake.Session({ appId: 'tTEST', userId: 'carol' });
      onCleanup(() => carol.destroy());
      const outside = await fixture<HTMLDivElement>(html`<div></div>`);
      const lone = newHost(spec);
      lone.session = carol;
      outside.append(lone);
      await ready(lone, 'the host outside, on its session property');
      expect(callsOf(fake, spec)[0]!.object).to.equal(spec.ref(carol, spec.arg));
      const host = newHost(spec);
      sessionEl.append(host);
      await ready(host);
      expect(callsOf(fake, spec)[1]!.object, 'on the <talk-session>’s session').to.equal(spec.ref(fake.sessions[0]!, spec.arg));
      const live = subscriptions(fake);
      host.session = carol;
      await host.updateComplete;
      await ready(host, 'ready on the session property');
      expect(callsOf(fake, spec)[2]!.object, 'the property wins').to.equal(spec.ref(carol, spec.arg));
      expect(subscriptions(fake), 'the old subscription ended').to.equal(live);
      host.session = undefined;
      await host.updateComplete;
      await ready(host, 'back on the <talk-session>');
      expect(callsOf(fake, spec)[3]!.object, 'back on the context').to.equal(spec.ref(fake.sessions[0]!, spec.arg));
      expect(subscriptions(fake)).to.equal(live);
    });

    it('a subscription that ends in the error state: status error, sdk-error naming the SDK member; no value; a new argument recovers', async () => {
      const sessionEl = await liveSession(fake);
      await nextTask();
      fake.failNext(spec.method, new Error('network down'));
      const host = newHost(spec);
      sessionEl.append(host);
      await until(() => host.data.status === 'error', 'status error');
      await host.updateComplete;
      expect(host.data.error?.code).to.equal('sdk-error');
      expect(host.data.error?.message).to.match(/\(\) failed: network down$/);
      expect(host.data.error?.message).to.contain(spec.method);
      expect(host.data.value).to.equal(undefined);
      expect(host.renders.at(-1)!.status).to.equal('error');
      if (spec.otherArg) {
        host.arg = spec.otherArg;
        await ready(host, 'ready after a new argument');
        expect(host.data.error, 'the new subscription succeeded').to.equal(undefined);
      }
    });

    if (spec.arg !== undefined) {
      it('resubscribes when its argument changes (host property): the old subscription ends, the new value shows', async () => {
        const sessionEl = await liveSession(fake);
        await nextTask();
        const before = subscriptions(fake);
        const host = newHost(spec);
        sessionEl.append(host);
        await ready(host);
        const unsubscribes = fake.callsTo('unsubscribe').length;
        host.arg = spec.otherArg;
        await host.updateComplete;
        expect(callsOf(fake, spec), 'a second subscription').to.have.length(2);
        expect(callsOf(fake, spec)[1]!.object).to.equal(spec.ref(fake.sessions[0]!, spec.otherArg));
        expect(fake.callsTo('unsubscribe').length, 'the first unsubscribed').to.equal(unsubscribes + 1);
        expect(subscriptions(fake), 'live subscriptions').to.equal(before + 1);
        await ready(host, 'ready on the new argument');
        expect(host.renders.at(-1)).to.deep.equal({ status: 'ready', value: spec.other });
        // The same argument again, or a host update without a change: no new subscription.
        host.arg = spec.otherArg;
        host.requestUpdate();
        await host.updateComplete;
        expect(callsOf(fake, spec)).to.have.length(2);
        // No argument: nothing subscribed, value undefined, loading.
        for (const none of [undefined, null, '', '   ']) {
          host.arg = none;
          await host.updateComplete;
          expect(subscriptions(fake), `live subscriptions with arg ${JSON.stringify(none)}`).to.equal(before);
          expect(host.data.value).to.equal(undefined);
          expect(host.data.status).to.equal('loading');
        }
        expect(callsOf(fake, spec)).to.have.length(2);
        host.arg = ` ${spec.arg!} `;
        await ready(host, 'ready on a padded id');
        expect(callsOf(fake, spec)[2]!.object, 'the id trimmed').to.equal(spec.ref(fake.sessions[0]!, spec.arg));
      });

      it(`an unknown ${spec.method === 'subscribe' || spec.method === 'subscribeOnline' ? 'id' : 'conversation'} gives value null, status ready`, async () => {
        const sessionEl = await liveSession(fake);
        const host = newHost(spec, spec.unknownArg);
        sessionEl.append(host);
        await ready(host);
        expect(host.data.value).to.equal(null);
        expect(host.data.error).to.equal(undefined);
        expect(host.renders.at(-1)).to.deep.equal({ status: 'ready', value: null });
      });
    }
  });
}

describe('OnlineStatusController.online', () => {
  it('false before the first snapshot and for an unknown user; follows isConnected', async () => {
    const fake = sampleFake();
    const sessionEl = await liveSession(fake);
    const spec = SPECS.find((s) => s.name === 'OnlineStatusController')!;
    const host = newHost(spec);
    const controller = host.data as unknown as OnlineStatusController;
    sessionEl.append(host);
    expect(controller.online).to.equal(false);
    await ready(host);
    expect(controller.online).to.equal(false);
    fake.backend.setOnline('bob', true);
    expect(controller.online).to.equal(true);
    fake.backend.setOnline('bob', false);
    expect(controller.online).to.equal(false);
    host.arg = 'nobody';
    await ready(host);
    expect(controller.online).to.equal(false);
    await expectNoLeaks(fake);
  });
});

describe('list controllers: loadMore() and loadedAll', () => {
  it('MessagesController: 30 of 35 messages, loadedAll false; loadMore(10) → all 35, loadedAll true, one more render', async () => {
    const start = Date.now() - 60_000;
    const fake = createFakeTalk({
      ...sampleData,
      conversations: [
        {
          id: 'big',
          participants: ['alice', 'bob'],
          messages: Array.from({ length: 35 }, (_, i) => ({ senderId: 'bob', text: `m${i + 1}`, timestamp: start + i * 1000 })),
        },
        { id: 'small', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: 'only one', timestamp: start }] },
      ],
    });
    const sessionEl = await liveSession(fake);
    const spec = SPECS.find((s) => s.name === 'MessagesController')!;
    const host = newHost(spec, 'big');
    const controller = host.data as unknown as MessagesController;
    await controller.loadMore(5); // no subscription yet: resolves, does nothing
    expect(fake.callsTo('loadMore')).to.have.length(0);
    sessionEl.append(host);
    await ready(host);
    expect(controller.value).to.have.length(30);
    expect(controller.value![0]!.plaintext, 'newest first').to.equal('m35');
    expect(controller.loadedAll).to.equal(false);
    const renders = host.renders.length;
    await controller.loadMore(10);
    await host.updateComplete;
    expect(controller.value).to.have.length(35);
    expect(controller.value!.at(-1)!.plaintext).to.equal('m1');
    expect(controller.loadedAll).to.equal(true);
    expect(host.renders.length).to.equal(renders + 1);
    expect(fake.callsTo('loadMore')).to.have.length(1);
    host.arg = 'small';
    await host.updateComplete;
    expect(controller.value, 'value while the new subscription is pending').to.equal(undefined);
    expect(controller.loadedAll, 'loadedAll while the new subscription is pending (no list yet)').to.equal(false);
    await ready(host);
    expect(controller.value!.map((m) => m.plaintext)).to.deep.equal(['only one']);
    expect(controller.loadedAll, 'loadedAll of the new conversation').to.equal(true);
    await expectNoLeaks(fake);
  });

  it('ConversationListController: 20 of 25 conversations, loadedAll false; loadMore() → all 25, loadedAll true', async () => {
    const now = Date.now();
    const fake = createFakeTalk({
      ...sampleData,
      conversations: Array.from({ length: 25 }, (_, i) => ({
        id: `c${i + 1}`,
        participants: ['alice', 'bob'],
        messages: [{ senderId: 'bob', text: `in c${i + 1}`, timestamp: now - (i + 1) * 60_000 }],
      })),
    });
    const sessionEl = await liveSession(fake);
    const spec = SPECS.find((s) => s.name === 'ConversationListController')!;
    const host = newHost(spec);
    const controller = host.data as unknown as ConversationListController;
    sessionEl.append(host);
    await ready(host);
    expect(controller.value).to.have.length(20);
    expect(controller.value![0]!.id, 'most recently active first').to.equal('c1');
    expect(controller.loadedAll).to.equal(false);
    const renders = host.renders.length;
    await controller.loadMore();
    await host.updateComplete;
    expect(controller.value).to.have.length(25);
    expect(controller.loadedAll).to.equal(true);
    expect(host.renders.length).to.equal(renders + 1);
    host.remove();
    expect(controller.loadedAll, 'after removal').to.equal(false);
    await controller.loadMore(); // no subscription: resolves
    expect(fake.callsTo('loadMore')).to.have.length(1);
    await expectNoLeaks(fake);
  });
});
