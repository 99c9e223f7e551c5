import { type AddressInfo } from 'node:net';
import type { NotifierSink, NotifierSinkBehaviour, NotifierSinkDelivery } from '@kechuang/testing';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';

/** An SMTP reply the sink gives to RCPT TO instead of accepting the recipient. */
export interface SmtpReply {
  code: number;
  text: string;
}

/** One accepted message: the envelope, the raw source and what mailparser made of it. */
export interface SmtpSinkMail {
  envelope: { from: string | null; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that the tests and the conformance kit steer and read. */
export interface SmtpSink extends NotifierSink {
  readonly port: number;
  /** The messages accepted, in arrival order. */
  readonly mails: readonly SmtpSinkMail[];
  /** Answers the next transaction's RCPT TO with this reply (then the queue of `next` resumes). */
  nextReply(reply: SmtpReply): void;
  /** Connections currently open to the sink. */
  openConnections(): number;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Require AUTH PLAIN/LOGIN with these credentials (over plain text: loopback only). */
  auth?: { user: string; pass: string };
}

const REPLIES: Record<'retryable' | 'permanent', SmtpReply> = {
  retryable: { code: 451, text: '4.3.0 Temporary local problem, try again later' },
  permanent: { code: 550, text: '5.1.1 Mailbox unknown' },
};

function reject(reply: SmtpReply): SMTPServerError {
  const error: SMTPServerError = new Error(reply.text);
  error.responseCode = reply.code;
  return error;
}

function headerText(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get(name);
  return typeof value === 'string' ? value : null;
}

/** Starts an SMTP sink on 127.0.0.1 on a free port. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const queue: (NotifierSinkBehaviour | SmtpReply)[] = [];
  const planned = new Map<string, NotifierSinkBehaviour | SmtpReply>();
  const mails: SmtpSinkMail[] = [];
  const deliveries: NotifierSinkDelivery[] = [];
  let requests = 0;
  let open = 0;

  const server = new SMTPServer({
    logger: false,
    // No TLS on loopback: the sink has no certificate a client would trust.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    closeTimeout: 100,
    onConnect(_session, callback) {
      open += 1;
      callback();
    },
    onClose() {
      open -= 1;
    },
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
        return;
      }
      callback(reject({ code: 535, text: '5.7.8 Authentication credentials invalid' }));
    },
    onMailFrom(_address, session: SMTPServerSession, callback) {
      requests += 1;
      planned.set(session.id, queue.shift() ?? 'succeed');
      callback();
    },
    onRcptTo(_address, session, callback) {
      const plan = planned.get(session.id) ?? 'succeed';
      if (plan === 'succeed') callback();
      // Held open on purpose: the client's timeout or abort has to end it.
      else if (plan === 'hang') return;
      else callback(reject(typeof plan === 'string' ? REPLIES[plan] : plan));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const envelope = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            };
            // Recorded before the 250 reply, so a resolved send always finds its mail here.
            mails.push({ envelope, raw: raw.toString('utf8'), parsed });
            const subject = parsed.subject;
            deliveries.push({
              idempotencyKey: headerText(parsed, 'x-kechuang-idempotency-key'),
              text: parsed.text ?? '',
              ...(subject === undefined ? {} : { title: subject }),
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)))
        );
      });
    },
  });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    port,
    mails,
    supports: { retryable: true, permanent: true, hang: true, idempotencyKey: true },
    next: (behaviour) => void queue.push(behaviour),
    nextReply: (reply) => void queue.push(reply),
    requests: () => requests,
    deliveries: () => deliveries,
    openConnections: () => open,
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}
