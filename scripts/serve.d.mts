export interface StaticServer {
  readonly url: string;
  readonly port: number;
  readonly requests: string[];
  close(): Promise<void>;
}
export function startServer(options: {
  root: string;
  port?: number;
  headers?: (path: string) => Record<string, string>;
  log?: boolean;
}): Promise<StaticServer>;
