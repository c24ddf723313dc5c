/** Types for `peers.mjs` (plain JS, run by Node without a build), for the tests. */
export interface Peer {
  readonly name: string;
  readonly label: string;
  readonly file: string;
  readonly init: string;
  readonly send: string;
}
export declare const PEERS: readonly Peer[];
export declare const IMPRESSIONS: string;
export declare function peerHead(options: { name: string; impressions: boolean }): string;
export declare function eventNames(body: Buffer, gunzip: (body: Buffer) => Buffer): string[];
