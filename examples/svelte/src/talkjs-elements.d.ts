// Types for <talk-*> in Svelte markup (svelte/elements), generated from the kit's manifest.
import 'talkjs-elements/types/svelte';
