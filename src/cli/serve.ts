import { Command } from 'commander';
import { buildApp } from '../api/server.js';
import { loadSamplePlansIfEmpty } from '../app/sample-data.js';
import { hasUsers } from '../access/users.js';
import { openDefaultDatabase } from '../store/db.js';
import { startMaintenance } from '../store/maintenance.js';
import { loadDemoCountyIfEmpty } from './generate.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('启动服务 Start the HTTP server (loads the sample plans into an empty database)')
    .option('-p, --port <port>', 'port (env PORT)', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on (env HOST)', process.env.HOST ?? '127.0.0.1')
    .action(async (options: { port: string; host: string }) => {
      const database = await openDefaultDatabase();
      const loaded = await loadSamplePlansIfEmpty(database.db);
      if (loaded.length) console.log(`示例数据 sample data: loaded ${loaded.length} plans`);
      await loadDemoCountyIfEmpty(database);
      if (!(await hasUsers(database.db))) {
        // No default password: the first administrator is created by whoever runs the server.
        console.log('尚无用户 no accounts yet: weijian user add --username NAME --role admin');
      }
      // Work queued while no server ran (imports with --no-refresh, a refresh cut short) is refreshed in the
      // background: the server listens at once, however long the queue.
      const app = await buildApp(database, { logger: true, refreshQueuedAtStart: true });
      const stopMaintenance = await startMaintenance(database, {
        onError: (error) => app.log.warn({ err: error }, 'table maintenance failed'),
      });
      const close = async () => {
        await app.close();
        await stopMaintenance();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: Number(options.port), host: options.host });
      console.log(
        `卫健 Weijian: http://localhost:${options.port}  (API docs /api/docs, storage ${database.kind})`,
      );
    });
}
