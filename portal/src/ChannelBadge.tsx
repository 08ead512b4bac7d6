import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/domain';
import { ChannelIcon } from './icons';

export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <span className={`channel-badge channel-${channel}`} data-testid="portal-channel-badge">
      <ChannelIcon channel={channel} />
      <span>{t(`channel.${channel}`)}</span>
    </span>
  );
}
