/**
 * Errors a user can cause (bad files, bad parameters). Their message is one line naming the
 * problem; the CLI turns them into exit code 2, without a stack trace.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}

/**
 * A computation broke one of its own guarantees (e.g. an ergotropy below minus its certified error
 * bound). This is a bug in ergocheck, reported loudly, never papered over.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  constructor(message: string) {
    super(message);
  }
}
