/** The offline demo's users and conversations, for the fake SDK's in-memory backend. */
import type { FakeTalkOptions } from '../src/testing/index.js';

export const ME = 'alice';

export const sampleData: FakeTalkOptions = {
  users: [
    { id: 'alice', name: 'Alice', email: null, role: 'buyer', welcomeMessage: 'Hi, Alice here.' },
    { id: 'sebastian', name: 'Sebastian (seller)', email: null, role: 'seller' },
    { id: 'maria', name: 'Maria (support)', email: null, role: 'support' },
  ],
  conversations: [
    {
      id: 'order-1234',
      subject: 'Order #1234: vintage lamp',
      participants: ['alice', 'sebastian'],
      messages: [
        { senderId: 'sebastian', text: 'Thanks for your order! The lamp ships tomorrow.' },
        { senderId: 'alice', text: 'Great, can you wrap it well? It is a gift.' },
      ],
    },
    {
      id: 'support',
      subject: 'Support',
      participants: ['alice', 'maria'],
      welcomeMessages: ['Ask us anything: we usually answer within a minute.'],
      messages: [{ senderId: 'maria', text: 'Hello Alice, how can we help?' }],
    },
  ],
};

/** What the other side answers in the offline demo. */
export const replies: Record<string, { from: string; text: string }> = {
  'order-1234': { from: 'sebastian', text: 'Sure, I will wrap it with care.' },
  support: { from: 'maria', text: 'Thanks, we are looking into it.' },
  'question-lamp-42': { from: 'maria', text: 'It is 45 cm tall and takes an E27 bulb.' },
};
