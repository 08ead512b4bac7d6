// What a conversation is about: its linked record's label (a vehicle: "AB12 CDE · Ford Focus") or
// "General enquiry".
import { useTranslation } from 'react-i18next';
import type { PortalLinkedRecord } from '../../shared/portal';
import { RecordIcon } from './icons';

export function LinkedRecordTitle({ record, as: Tag = 'h3' }: { record: PortalLinkedRecord | null; as?: 'h1' | 'h3' }) {
  const { t } = useTranslation();
  return (
    <Tag className="record-title" data-testid="portal-record-title" tabIndex={Tag === 'h1' ? -1 : undefined}>
      {record && <RecordIcon type={record.type} />}
      <span className="record-main" dir={record ? 'auto' : undefined}>{record ? record.label : t('messages.generalEnquiry')}</span>
    </Tag>
  );
}
