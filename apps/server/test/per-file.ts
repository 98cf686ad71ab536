// Runs before each server test file. The files share one process (vitest `isolate: false`, decision 0023), so the
// caches a file filled on its own database are emptied before the next file reads another.
import { beforeAll } from 'vitest';
import { clearProcessCaches } from '../src/lib/process-caches.ts';

clearProcessCaches();
beforeAll(() => clearProcessCaches());
