import process from 'node:process';
import { nodeIo } from './cli-io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
