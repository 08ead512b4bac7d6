// Every migration in order. Append only.
import type { Migration } from '../migrate';
import { initial } from './001_initial';
import { messageFeatures } from './002_message_features';
import { portal } from './003_portal';
import { search } from './004_search';
import { profilesCanned } from './005_profiles_canned';
import { workflow } from './006_workflow';
import { portalAttachments } from './007_portal_attachments';
import { cjkRowText } from './008_cjk_row_text';
import { conversationLookups } from './009_conversation_lookups';
import { queueWaiting } from './010_queue_waiting';
import { messageIndexQueue } from './011_message_index_queue';

export const MIGRATIONS: readonly Migration[] = [initial, messageFeatures, portal, search, profilesCanned, workflow, portalAttachments, cjkRowText, conversationLookups, queueWaiting, messageIndexQueue];
