import type { NotificationMessage, Notifier, Plugin } from '@kechuang/community';

/** Parks by zone: a condition operator on the park and an assignment strategy. */
export declare const grid: () => Plugin<'grid'>;
/** Every message the notifier was handed, in order. */
export declare const deliveries: NotificationMessage[];
export declare const notifiers: Notifier[];
export declare const plugins: Plugin[];
