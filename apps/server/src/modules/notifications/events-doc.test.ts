import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { EVENT_TYPES } from '@tandem/contracts';
import { eventsMarkdown } from './events-doc.ts';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../docs/events.md');

it('docs/events.md is what the event catalogue generates (run `npm run docs:events` after changing an event)', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  expect(doc).toBe(eventsMarkdown());
  for (const type of EVENT_TYPES) expect(doc).toContain(`### ${type}`);
});
