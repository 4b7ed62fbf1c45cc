/**
 * "Set up Shareworthy": creates the lists and columns of {@link LIST_DEFINITIONS} that are
 * missing and indexes the columns reads filter on, and touches nothing that is already so,
 * so it can run again after an update or a half-finished first run.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/fields';
import type { IFields } from '@pnp/sp/fields';
import { statusOf, toServiceError } from './errors';
import { LIST_DEFINITIONS, type FieldDefinition, type ListDefinition } from './schema';

/** What a run did. */
export interface ProvisionReport {
  readonly createdLists: readonly string[];
  /** `List title/FieldName` of every column added. */
  readonly createdFields: readonly string[];
  /** `List title/FieldName` of every column indexed. */
  readonly indexedFields: readonly string[];
}

// Plain text for notes: values are JSON or URLs, and rich text would wrap them in HTML.
const addField = (fields: IFields, field: FieldDefinition): Promise<unknown> => {
  switch (field.kind) {
    case 'text':
      return fields.addText(field.name, { MaxLength: 255 });
    case 'note':
      return fields.addMultilineText(field.name, { RichText: false, NumberOfLines: 6 });
    case 'number':
      return fields.addNumber(field.name, { MinimumValue: field.min ?? -1.7976931348623157e308, MaximumValue: field.max ?? 1.7976931348623157e308 });
    case 'date':
      return fields.addDateTime(field.name, { DisplayFormat: 1 });
    case 'choice':
      return fields.addChoice(field.name, { Choices: [...field.choices] });
  }
};

/** Creates Shareworthy's lists; needs Manage Lists on the site. */
export class ListProvisioner {
  /** @param sp the page's SPFI */
  public constructor(private readonly sp: SPFI) {}

  /**
   * Ensures every list and column exists.
   * @param definitions lists to ensure
   * @default LIST_DEFINITIONS
   * @returns what was created and indexed (all empty on a second run)
   * @example const { createdLists } = await new ListProvisioner(sp).ensure();
   */
  public async ensure(definitions: readonly ListDefinition[] = LIST_DEFINITIONS): Promise<ProvisionReport> {
    const createdLists: string[] = [];
    const createdFields: string[] = [];
    const indexedFields: string[] = [];
    for (const definition of definitions) {
      try {
        if (await this.ensureList(definition)) createdLists.push(definition.title);
        const fields = this.sp.web.lists.getByTitle(definition.title).fields;
        const existing = new Map((await fields.select('InternalName', 'Indexed')<{ InternalName: string; Indexed?: boolean }[]>()).map((f) => [f.InternalName, f.Indexed === true]));
        for (const field of definition.fields) {
          if (existing.has(field.name)) continue;
          await addField(fields, field);
          createdFields.push(`${definition.title}/${field.name}`);
        }
        for (const name of definition.indexed) {
          if (existing.get(name) === true) continue;
          // The field type is passed so that PnPjs does not read it first: MERGE needs none.
          await fields.getByInternalNameOrTitle(name).update({ Indexed: true }, 'SP.Field');
          indexedFields.push(`${definition.title}/${name}`);
        }
      } catch (error) {
        throw toServiceError(error, `setting up the list "${definition.title}"`);
      }
    }
    return { createdLists, createdFields, indexedFields };
  }

  /** @returns true when the list was created */
  private async ensureList(definition: ListDefinition): Promise<boolean> {
    try {
      await this.sp.web.lists.getByTitle(definition.title).select('Id')();
      return false;
    } catch (error) {
      // Only "no such list" means create: a 403 or throttling must not turn into a second add.
      if (statusOf(error) !== 404) throw error;
    }
    await this.sp.web.lists.add(definition.title, definition.description, 100, false, {
      ReadSecurity: definition.readSecurity,
      WriteSecurity: definition.writeSecurity,
    });
    return true;
  }
}
