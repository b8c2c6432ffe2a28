// Types for <talk-*> in JSX: the props and `ontalk-*` event props, generated from the kit's manifest.
import type { CustomElements } from 'talkjs-elements/types/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
