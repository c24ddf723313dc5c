import type { ExecSyncOptions } from 'node:child_process';

export const repo: string;
export function run(command: string, options?: ExecSyncOptions): void;
export function ensurePackages(): void;
export const CHROMIUM_ARGS: readonly string[];
export function ensureChromium(): string;
export function build(): void;
export function hasCommand(name: string): boolean;
