export const PERFORMANCE_DOC: string;
export function wantsDocs(argv?: readonly string[]): boolean;
export function writeBenchSection(name: string, markdown: string, command: string, file?: string): void;
export function replaceSection(page: string, start: string, end: string, text: string): string;
