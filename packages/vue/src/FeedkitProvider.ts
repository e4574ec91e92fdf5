import type { FeedkitClient } from '@feedkit/client';
import { defineComponent, type PropType } from 'vue';
import { provideClient } from './provideClient';

/**
 * `<FeedkitProvider :client="client">...</FeedkitProvider>`: provides the
 * client to its default slot, like React's provider component.
 */
export const FeedkitProvider = defineComponent({
  name: 'FeedkitProvider',
  props: {
    client: { type: Object as PropType<FeedkitClient>, required: true },
  },
  setup(props, { slots }) {
    // The client is read once: swapping clients under live subscriptions is
    // a remount, as it is with React's provider (keyed by the client).
    provideClient(props.client);
    return () => slots.default?.();
  },
});
