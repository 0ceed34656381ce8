import { printAdoptionReport } from './report';

// `npx tsx test/eval/adoption/run.ts`: the adoption-status figures alone (`npm run eval` prints them after the checklist's).
printAdoptionReport();
