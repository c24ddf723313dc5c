/** The CLI's exit codes (docs/train.md, "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** A bug or an unexpected failure (DuckDB crashed, out of disk): the message says what. */
  internal: 1,
  /** Bad command line: unknown option, missing value. */
  usage: 2,
  /** Bad input: unreadable or unknown file, missing column, wrong types, empty log, too large. */
  input: 3,
  /** The output directory cannot be written. */
  output: 4,
  /** Not enough memory (within `--memory-limit`) or disk (in `--temp-dir`) for the log. */
  resources: 5,
} as const;

/** An error the CLI expected: printed as one `inkling train:` line and mapped to its exit code. */
export class TrainError extends Error {
  constructor(
    message: string,
    /** One of `EXIT`. */
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'TrainError';
  }
}

/** A bad command line. */
export const usageError = (message: string): TrainError => new TrainError(message, EXIT.usage);
/** Bad input, named by file and, where known, line and column. */
export const inputError = (message: string): TrainError => new TrainError(message, EXIT.input);
/** The output cannot be written. */
export const outputError = (message: string): TrainError => new TrainError(message, EXIT.output);
/** The log does not fit the memory or disk the run was given. */
export const resourceError = (message: string): TrainError => new TrainError(message, EXIT.resources);
