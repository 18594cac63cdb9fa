import { Command } from 'commander';
import { WeijianError } from '../domain/errors.js';
import { auditCommand } from './audit.js';
import { exportCommand } from './export.js';
import { generateCommand } from './generate.js';
import { importCommand } from './import.js';
import { indicatorsCommand } from './indicators.js';
import { compareCommand } from './compare.js';
import { manualCommand } from './manual.js';
import { reportCommand } from './report.js';
import { planCommand } from './plan.js';
import { residentsCommand } from './residents.js';
import { serveCommand } from './serve.js';
import { templateCommand } from './template.js';
import { tokenCommand, userCommand } from './user.js';

const program = new Command('weijian')
  .description('卫健 Weijian — county health information platform')
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(userCommand())
  .addCommand(tokenCommand())
  .addCommand(auditCommand())
  .addCommand(templateCommand())
  .addCommand(residentsCommand())
  .addCommand(planCommand())
  .addCommand(importCommand())
  .addCommand(exportCommand())
  .addCommand(generateCommand())
  .addCommand(indicatorsCommand())
  .addCommand(reportCommand())
  .addCommand(compareCommand())
  .addCommand(manualCommand());

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
