import { runCli } from './commands.ts';

await runCli(process.argv);
