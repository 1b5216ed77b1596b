/** A GenerateError says why no main.go can be written for a detection result. */
export class GenerateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GenerateError';
  }
}
