import { sql, type Kysely } from 'kysely';
import { CJK_ROW_TEXT, CJK_ROW_TEXT_TRIGGERS } from '../../../shared/search/messageIndex';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// The short-CJK search scans the text kept beside each CJK message id, as the desktop cache does.
export const cjkRowText: Migration = {
  version: 8,
  name: 'cjk_row_text',
  up: async (db: Kysely<DB>) => {
    for (const statement of [...CJK_ROW_TEXT, ...CJK_ROW_TEXT_TRIGGERS]) await sql.raw(statement).execute(db);
  },
};
