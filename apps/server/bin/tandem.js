#!/usr/bin/env node
// The `tandem` command. Tandem runs its TypeScript sources through tsx, so
// there is no separate server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main();
