// Every migration in order. Append only.
import type { Migration } from '../migrate';
import { initial } from './001_initial';

export const MIGRATIONS: readonly Migration[] = [initial];
