// Reactions under a message: one chip per emoji with its count, pressed when it includes mine;
// clicking a chip adds or removes my reaction.
import { useT } from '../i18n/LocaleContext';
import type { Reaction, ReactionEmoji } from '../../../shared/domain';
import { REACTION_EMOJIS } from '../../../shared/domain';

export interface ReactionGroup {
  emoji: ReactionEmoji;
  count: number;
  mine: boolean;
}

/** Reactions grouped by emoji, in the fixed palette order. */
export function groupReactions(reactions: readonly Reaction[], selfId: string): ReactionGroup[] {
  return REACTION_EMOJIS.flatMap((emoji) => {
    const of = reactions.filter((r) => r.emoji === emoji);
    return of.length === 0 ? [] : [{ emoji, count: of.length, mine: of.some((r) => r.agentId === selfId) }];
  });
}

export function Reactions({ groups, onToggle }: { groups: readonly ReactionGroup[]; onToggle: (emoji: ReactionEmoji, on: boolean) => void }) {
  const t = useT();
  if (groups.length === 0) return null;
  return (
    <div className="reactions" data-testid="reactions">
      {groups.map((g) => (
        <button
          key={g.emoji}
          type="button"
          className={g.mine ? 'reaction reaction--mine' : 'reaction'}
          aria-pressed={g.mine}
          aria-label={t('reactions.chip', { emoji: g.emoji, count: g.count })}
          data-emoji={g.emoji}
          onClick={() => onToggle(g.emoji, !g.mine)}
        >
          <span aria-hidden="true">{g.emoji}</span>
          <span className="reaction__count">{g.count}</span>
        </button>
      ))}
    </div>
  );
}

export function ReactionPicker({ mine, onPick }: { mine: ReadonlySet<ReactionEmoji>; onPick: (emoji: ReactionEmoji, on: boolean) => void }) {
  const t = useT();
  return (
    <div className="reaction-picker" role="group" aria-label={t('reactions.pick')}>
      {REACTION_EMOJIS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className="reaction-picker__emoji"
          aria-pressed={mine.has(emoji)}
          aria-label={t('reactions.add', { emoji })}
          onClick={() => onPick(emoji, !mine.has(emoji))}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
