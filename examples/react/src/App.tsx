import { useState } from 'react';
import 'talkjs-elements';
import type { TalkSdk } from 'talkjs-elements';

export function App({ sdk }: { sdk?: TalkSdk }) {
  const [signedIn, setSignedIn] = useState(true);
  const [showChatbox, setShowChatbox] = useState(true);
  const [messages, setMessages] = useState<string[]>([]);

  return (
    <>
      <button id="toggle-chatbox" onClick={() => setShowChatbox(!showChatbox)}>Toggle chatbox</button>
      <button id="sign-out" onClick={() => setSignedIn(false)}>Sign out</button>
      {signedIn && (
        <talk-session app-id="tXXXX" user-id="alice" sdk={sdk} ontalk-message={(e) => setMessages((m) => [...m, e.detail.body])}>
          <talk-inbox style={{ height: '400px' }}></talk-inbox>
          {showChatbox && <talk-chatbox conversation-id="order-1234" messageFilter={{ type: ['==', 'UserMessage'] }}></talk-chatbox>}
        </talk-session>
      )}
      <ul id="messages">
        {messages.map((text, i) => <li key={i}>{text}</li>)}
      </ul>
    </>
  );
}
