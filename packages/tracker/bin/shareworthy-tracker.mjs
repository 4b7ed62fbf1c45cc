#!/usr/bin/env node
// Entry point of `npx shareworthy-tracker` and `npm run tracker`; the code is in dist/ (npm run build).
import { main } from '../dist/cli.js';

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
