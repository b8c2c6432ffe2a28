/** The users and conversations of the security pages' fake SDK. */
export const seed = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
  ],
  conversations: [
    { id: 'order-1', subject: 'Order 1', participants: ['alice', 'bob'], messages: [{ senderId: 'bob', text: '<img src=x onerror=alert(1)> is just text' }] },
    { id: 'order-2', subject: '<b>Order 2</b>', participants: ['alice', 'bob'] },
  ],
};
