/**
 * A file that cannot be imported: the message names what is wrong and where (a line, a
 * node), and is shown to the user as is (400).
 */
export class InterchangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InterchangeError";
  }
}
