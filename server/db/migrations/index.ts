// Every migration in order. Append only.
import type { Migration } from '../migrate';
import { initial } from './001_initial';
import { messageFeatures } from './002_message_features';
import { portal } from './003_portal';

export const MIGRATIONS: readonly Migration[] = [initial, messageFeatures, portal];
