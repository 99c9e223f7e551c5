import type { Notifier } from '@kechuang/community';

/** How a {@link NotifierSink} answers one request. */
export type NotifierSinkBehaviour =
  /** Accept the message, as the real channel does. */
  | 'succeed'
  /** Fail the way the channel fails when trying later may help (HTTP 5xx or 429, SMTP 451, a bot's "too frequent" code). */
  | 'retryable'
  /** Fail the way the channel refuses for good (SMTP 550, a bad signature, an unknown recipient). */
  | 'permanent'
  /** Never answer: hold the request open until the sink is closed. */
  | 'hang';

/** Which of the failures a sink can produce, and whether its channel carries the idempotency key. */
export interface NotifierSinkSupports {
  /** The sink can fail a request the way the channel fails when a retry may help. */
  retryable: boolean;
  /** The sink can refuse a request for good. */
  permanent: boolean;
  /** The sink can hold a request open without answering. */
  hang: boolean;
  /** The sink can read the message's idempotency key from what arrived (a header, a body field). */
  idempotencyKey: boolean;
}

/** One message the sink accepted, as the sink decoded it. */
export interface NotifierSinkDelivery {
  /** The idempotency key read from what arrived, or null where the channel does not carry one. */
  idempotencyKey: string | null;
  /** The human-readable body as the recipient sees it (e-mail text part, a bot's message content). */
  text: string;
  /** The subject or card title, where the channel shows one apart from the body. */
  title?: string;
}

/**
 * A loopback stand-in for the channel a notifier talks to (an HTTP server answering like the
 * bot platform, an SMTP server), which the kit can steer and read.
 *
 * Rules the kit relies on: a request counts in `requests()` as soon as it reaches the sink,
 * whatever the answer; a delivery is recorded before the sink answers it; `close()` releases
 * hung requests.
 */
export interface NotifierSink {
  /** Which behaviours the sink can produce; the kit skips the cases it cannot. */
  readonly supports: NotifierSinkSupports;
  /**
   * Queues how the next request is answered; queued behaviours are used first in, first out,
   * and requests succeed once the queue is empty.
   */
  next(behaviour: NotifierSinkBehaviour): void;
  /** How many requests have reached the sink, failed and hung ones included. */
  requests(): number;
  /** The messages accepted so far, in arrival order. */
  deliveries(): readonly NotifierSinkDelivery[];
  /** Stops the sink and releases hung requests. */
  close?(): Promise<void>;
}

/** What a `testNotifier` setup returns: a fresh notifier wired to a fresh sink. */
export interface NotifierSetup {
  /** The notifier under test. */
  notifier: Notifier;
  /** The stand-in for its channel. */
  sink: NotifierSink;
  /**
   * The recipient address the kit puts in `message.to.address` (an e-mail address for e-mail,
   * a user id for a bot that @-mentions).
   * @default null
   */
  address?: string | null;
}
