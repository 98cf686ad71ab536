// Writes docs/events.md from the event catalogue (packages/contracts/src/events.ts).
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(import.meta.dirname, '..');
const { eventsMarkdown } = await import('../apps/server/src/modules/notifications/events-doc.ts');
fs.writeFileSync(path.join(root, 'docs/events.md'), eventsMarkdown());
console.log('docs/events.md written');
