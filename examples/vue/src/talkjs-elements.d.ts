// Types for <talk-*> in Vue templates (GlobalComponents), generated from the kit's manifest.
import 'talkjs-elements/types/vue';
