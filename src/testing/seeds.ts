import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The five seed plans live outside the repository (their prose may not be copied in): ../shared/seeds. */
export const seedsDir =
  process.env.WEIJIAN_SEEDS ?? path.resolve(fileURLToPath(import.meta.url), '../../../../shared/seeds');

export const seedFiles = {
  tongzhou: '000_490fc4a074af44c1.txt',
  siyang: '001_1d076eee4dc96132.txt',
  jiangyin: '002_59ac81d9e3b3f288.txt',
  jizhou: '003_11cdaf7be783ca84.txt',
  baotou: '004_c08ac351e3b58ac2.txt',
} as const;

export type SeedName = keyof typeof seedFiles;

export function seedPath(name: SeedName): string {
  return path.join(seedsDir, seedFiles[name]);
}

export function readSeed(name: SeedName): Buffer {
  return readFileSync(seedPath(name));
}
