import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { WeijianError } from '../domain/errors.js';
import { TEMPLATE_KINDS, templateKindOf, templateWorkbook } from '../ingest/tabular/template.js';

export function templateCommand(): Command {
  return new Command('template')
    .description(
      `导入模板 Write an empty Excel template with Chinese headers and 填表说明 (${TEMPLATE_KINDS.join(', ')})`,
    )
    .argument('<kind>', `${TEMPLATE_KINDS.join(' | ')} (or 地区, 机构, 床位, 人员, 人口, 托位)`)
    .option('-o, --out <file>', 'where to write it (default weijian-template-KIND.xlsx)')
    .action(async (name: string, options: { out?: string }) => {
      const kind = templateKindOf(name);
      if (!kind) {
        throw new WeijianError(
          'template.unknown-kind',
          `no template "${name}"; templates: ${TEMPLATE_KINDS.join(', ')}`,
        );
      }
      const out = options.out ?? `weijian-template-${kind}.xlsx`;
      await writeFile(out, await templateWorkbook(kind));
      console.log(out);
    });
}
