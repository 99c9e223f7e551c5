import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import { runCli } from './run-cli.js';

function recordingIo(env: Record<string, string> = {}, failOnOut = false): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => {
      if (failOnOut) throw new TypeError('cannot write');
      stdout.push(text);
    },
    err: (text) => stderr.push(text),
    isTTY: false,
    env,
    cwd: process.cwd(),
  };
}

const DUE = ['calendar', 'due', '--from', '2026-09-30 16:00', '--days', '3'];

describe('runCli', () => {
  it('runs a command in-process and returns 0', async () => {
    const io = recordingIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli([...DUE, '--config', 'none-such.yaml'], io)).toBe(exitCodes.notFound);
    const ok = recordingIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli([...DUE, '--json'], ok)).toBe(exitCodes.ok);
    expect(JSON.parse(ok.stdout.join('\n'))).toMatchObject({ due: '2026-10-10T09:30:00.000Z' });
  });

  it('treats an unexpected error as a bug: exit 70, a request to report it, the stack only with --debug', async () => {
    const plain = recordingIo({ LANG: 'en_US.UTF-8' }, true);
    expect(await runCli(DUE, plain)).toBe(exitCodes.internal);
    expect(plain.stderr[0]).toBe('error: internal error: cannot write. This is a bug; please report it with the output of --debug.');
    expect(plain.stderr.join('\n')).not.toMatch(/\n\s+at /);

    const debug = recordingIo({ LANG: 'zh_CN.UTF-8' }, true);
    expect(await runCli([...DUE, '--debug'], debug)).toBe(exitCodes.internal);
    expect(debug.stderr[0]).toBe('错误：程序内部错误：cannot write。请将此问题连同 --debug 输出报告给维护者。');
    expect(debug.stderr.join('\n')).toMatch(/TypeError: cannot write\n\s+at /);
  });

  it('maps usage errors to exit 2 and help to exit 0', async () => {
    expect(await runCli(['calendar', 'due', '--days', '3'], recordingIo())).toBe(exitCodes.usage);
    expect(await runCli(['nonsense'], recordingIo())).toBe(exitCodes.usage);
    const help = recordingIo();
    expect(await runCli(['--help'], help)).toBe(exitCodes.ok);
    expect(help.stdout.join('\n')).toContain('Exit codes:');
  });
});
