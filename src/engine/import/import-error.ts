import { visibleText } from '../model/visible-text';

/** An import that cannot be done, naming the file and, where it can, the line. File names and values show visibly. */
export class ImportError extends Error {
  constructor(message: string) {
    super(visibleText(message, 2000));
  }
}
