/**
 * Why a save to the address book was refused: the address copies the first and last characters of one the book holds (another
 * page saved it a moment before). The guide page shows its own words for it.
 */
export class LookalikeRefused extends Error {
  constructor() {
    super('address book entry refused: a look-alike of a saved address');
    this.name = 'LookalikeRefused';
  }
}
