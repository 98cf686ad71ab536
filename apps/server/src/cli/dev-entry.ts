// Entry for `npm run dev` (tsx watch restarts it on every change).
import { main } from './index.ts';

await main([process.argv[0]!, 'tandem', 'start']);
