import { EXIT, TrainError } from './errors.js';
import { parseArgs, USAGE } from './options.js';
import { train } from './train.js';

/** Runs the CLI with `argv` (after the node and script paths) and resolves to the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    if (command !== 'train')
      throw new TrainError(`unknown command "${command}": the command is "inkling train"`, EXIT.usage);
    if (rest.includes('--help')) {
      process.stdout.write(USAGE);
      return EXIT.ok;
    }
    const result = await train(parseArgs(rest));
    for (const file of result.files) process.stdout.write(`${file}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof TrainError) {
      process.stderr.write(`\ninkling train: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `\ninkling train: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}

// For scripts that check what the CLI wrote (bench/train/site-files.mjs).
export { checkNeighbourTable } from './neighbour-table.js';
export { checkWeights } from '../../../worker/model/weights.js';
