import { testNotifier } from '@kechuang/testing';
import { startSmtpSink } from './__fixtures__/smtp-sink.js';
import { emailNotifier } from './email-notifier.js';

// Short enough that the kit's "never answers" case stays quick, long enough for a busy machine
// to finish a loopback SMTP transaction.
const SEND_TIMEOUT_MS = 1_000;

testNotifier(
  async () => {
    const sink = await startSmtpSink();
    const notifier = emailNotifier({ smtp: { host: '127.0.0.1', port: sink.port }, from: '梦创社区 <noreply@kechuang.example.cn>', timeoutMs: SEND_TIMEOUT_MS });
    return { notifier, sink, address: 'wang.xiaoming@mengchuang.example.cn' };
  },
  { name: 'emailNotifier against an SMTP sink (testNotifier)', sendTimeoutMs: SEND_TIMEOUT_MS, timeout: 20_000 }
);
