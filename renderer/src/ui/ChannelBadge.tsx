import { useT } from '../i18n/LocaleContext';
import type { Channel } from '../../../shared/domain';
import { ChannelIcon } from './icons';
import './channel.css';

/** Channel icon in the channel's colour; `withName` adds the channel's name beside it. */
export function ChannelBadge({ channel, withName = false }: { channel: Channel; withName?: boolean }) {
  const t = useT();
  const name = t(`channel.${channel}`);
  return (
    <span className={`channel channel--${channel}`} data-channel={channel}>
      <ChannelIcon channel={channel} label={withName ? undefined : name} />
      {withName ? <span className="channel__name">{name}</span> : null}
    </span>
  );
}
