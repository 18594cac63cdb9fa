import { Command } from 'commander';
import { WeijianError } from '../domain/errors.js';
import { planCommand } from './plan.js';
import { serveCommand } from './serve.js';

const program = new Command('weijian')
  .description('卫健 Weijian — county health information platform')
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(planCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Known problems print where and what, without a stack; anything else is a bug and keeps its stack.
  if (error instanceof WeijianError) {
    process.stderr.write(`weijian: ${error.describe()}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
