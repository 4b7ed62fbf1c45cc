/**
 * Concerns employees raise about an item (wrong facts, a risky message). The list has
 * item-level permissions: the author and site owners read a concern, nobody else.
 */
import type { SPFI } from '@pnp/sp';
import type { ShareableItem } from '@shareworthy/core';
import { ServiceError, toServiceError } from './errors';
import { LISTS } from './schema';

/** Longest concern accepted; a note column holds more, but a concern is a message, not a file. */
export const CONCERN_MAX_LENGTH = 4000;

/** Records concerns. */
export class ConcernsService {
  /** @param sp the page's SPFI */
  public constructor(private readonly sp: SPFI) {}

  /**
   * Records a concern about an item.
   * @param item the item
   * @param message what worries the employee (trimmed; nothing visible, or over {@link CONCERN_MAX_LENGTH}, is refused)
   * @example await concerns.raise(item, 'The salary range is outdated.')
   */
  public async raise(item: Pick<ShareableItem, 'id' | 'title'>, message: string): Promise<void> {
    const text = message.trim();
    // Zero-width and other format characters are invisible: a concern made only of them is empty.
    if (text.replace(/[\p{Cf}\s]/gu, '') === '' || text.length > CONCERN_MAX_LENGTH) throw new ServiceError('invalid-data', `A concern has 1 to ${CONCERN_MAX_LENGTH} characters.`);
    try {
      await this.sp.web.lists.getByTitle(LISTS.concerns).items.add({ Title: item.title.slice(0, 255), SwItemId: item.id, SwMessage: text });
    } catch (error) {
      throw toServiceError(error, `recording a concern in ${LISTS.concerns}`);
    }
  }
}
