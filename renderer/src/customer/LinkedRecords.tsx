// The contact's vehicles, orders / work orders and appointments.
import type { ContactProfile, Order } from '../../../shared/domain';
import { useFormat, useT } from '../i18n/LocaleContext';
import { formatDate, formatDateTime, formatMoney } from './recordFormat';

export function LinkedRecords({ profile }: { profile: ContactProfile }) {
  const t = useT();
  const { locale } = useFormat();
  const { vehicles, orders, appointments } = profile;
  if (vehicles.length + orders.length + appointments.length === 0) return <p className="customer__none">{t('customer.noRecords')}</p>;
  const vehicleName = (order: Order) => vehicles.find((v) => v.id === order.vehicleId)?.registration;
  return (
    <div className="records">
      {vehicles.map((v) => (
        <article key={v.id} className="record" data-testid="linked-vehicle">
          <span className="record__kind">{t('customer.vehicle')}</span>
          <span className="plate" dir="ltr">
            {v.registration}
          </span>
          <span className="record__title">
            {v.make} {v.model}
            {v.year ? ` · ${v.year}` : ''}
          </span>
        </article>
      ))}
      {orders.map((o) => (
        <article key={o.id} className="record" data-testid="linked-order">
          <span className="record__kind">{t(`customer.orderKind.${o.kind}`)}</span>
          <span className="record__line">
            <strong dir="ltr">{o.number}</strong>
            <span className={`record-status record-status--${o.status}`}>{t(`customer.orderStatus.${o.status}`)}</span>
          </span>
          <span className="record__title">{o.title}</span>
          <span className="record__meta">
            {[o.scheduledAt !== null ? formatDate(o.scheduledAt, locale) : null, o.amount ? formatMoney(o.amount, locale) : null, vehicleName(o) ?? null]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </article>
      ))}
      {appointments.map((a) => (
        <article key={a.id} className="record" data-testid="linked-appointment">
          <span className="record__kind">{t('customer.appointment')}</span>
          <span className="record__title">{a.title}</span>
          <span className="record__meta">{[formatDateTime(a.at, locale), a.location].filter(Boolean).join(' · ')}</span>
        </article>
      ))}
    </div>
  );
}
