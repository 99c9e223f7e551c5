#!/usr/bin/env node
// The published entry: the built program. From a source checkout run
// `node --conditions=source --import tsx packages/cli/src/main.ts` instead.
import '../dist/main.js';
