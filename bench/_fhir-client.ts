// The client side of `npm run bench -- fhir` (bench/fhir.ts), run as its own process so that the clients'
// JSON encoding and HTTP work are not counted against the server's event loop. Takes one job as JSON in
// argv[2], prints its figures as one JSON line.
import { pathToFileURL } from 'node:url';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { SID } from '../src/fhir/systems.js';
import { patientBundle } from '../src/testing/fhir-synthea.js';

export type ClientJob =
  | { kind: 'transactions'; base: string; token: string; seed: number; clients: number; bundles: number }
  | { kind: 'creates'; base: string; token: string; connections: number; seconds: number }
  | { kind: 'searches'; base: string; token: string; urls: string[]; warmUp: number };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** Transaction Bundles of about `size` resources: whole Synthea-style patients, seeds from `seed`. */
export function bundleOf(seed: number, size: number): { bundle: Bundle; next: number } {
  const entry: BundleEntry[] = [];
  while (entry.length < size) entry.push(...(patientBundle({ seed: seed++ }).entry ?? []));
  return { bundle: { resourceType: 'Bundle', type: 'transaction', entry }, next: seed };
}

async function run(job: ClientJob): Promise<Record<string, unknown>> {
  const call = async (method: string, url: string, body?: string) => {
    const response = await fetch(`${job.base}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${job.token}`,
        ...(body ? { 'content-type': 'application/fhir+json', prefer: 'return=minimal' } : {}),
      },
      body,
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
    return text;
  };
  if (job.kind === 'transactions') {
    // Bundles are made and serialised before the clock starts.
    let seed = job.seed;
    const work = Array.from({ length: job.clients }, () =>
      Array.from({ length: job.bundles }, () => {
        const made = bundleOf(seed, 1000);
        seed = made.next;
        return { size: made.bundle.entry!.length, text: JSON.stringify(made.bundle) };
      }),
    );
    const resources = work.flat().reduce((n, b) => n + b.size, 0);
    const started = performance.now();
    await Promise.all(work.map(async (mine) => { for (const b of mine) await call('POST', '', b.text); })); // prettier-ignore
    const s = (performance.now() - started) / 1000;
    return {
      bundleResources: Math.round(resources / (job.clients * job.bundles)),
      resources,
      seconds: round(s, 2),
      resourcesPerSecond: Math.round(resources / s),
      nextSeed: seed,
    };
  }
  if (job.kind === 'creates') {
    let serial = 0;
    const latencies: number[] = [];
    const until = performance.now() + job.seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: job.connections }, async () => {
        while (performance.now() < until) {
          const n = serial++;
          const at = performance.now();
          await call(
            'POST',
            '/Patient',
            JSON.stringify({
              resourceType: 'Patient',
              identifier: [{ system: SID.insurance, value: `BENCH-${n}` }],
              name: [{ family: 'Müller', given: [`Zoë${n}`] }],
              gender: n % 2 ? 'female' : 'male',
              birthDate: '1980-01-01',
            }),
          );
          latencies.push(performance.now() - at);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return {
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / elapsed),
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
    };
  }
  for (const url of job.urls.slice(0, job.warmUp)) await call('GET', url);
  const ms: number[] = [];
  for (const url of job.urls) {
    const at = performance.now();
    await call('GET', url);
    ms.push(performance.now() - at);
  }
  return { requests: ms.length, p50Ms: round(quantile(ms, 0.5)), p99Ms: round(quantile(ms, 0.99)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run(JSON.parse(process.argv[2]!) as ClientJob);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
