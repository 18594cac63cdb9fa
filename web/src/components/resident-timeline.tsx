import { Empty, Tag, Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../api/residents';
import { describeEntry } from '../format/timeline-entry';
import { useI18n } from '../i18n/context';

/** A resident's records newest first, one item per dated entry (format/timeline-entry.ts says what each is). */
export function ResidentTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n();
  if (!entries.length) return <Empty description={t('resident.timeline.empty')} />;
  return (
    <Timeline
      data-testid="resident-timeline"
      items={entries.map((entry, i) => {
        const view = describeEntry(entry, t);
        return {
          key: `${entry.kind}-${entry.id}-${entry.date}-${i}`,
          color: view.color,
          content: (
            <div data-testid="timeline-entry" data-kind={entry.kind} data-date={entry.date}>
              <Typography.Text strong>{entry.date}</Typography.Text>{' '}
              <Tag color={view.color}>{view.title}</Tag>
              {view.facility && <Typography.Text type="secondary">{view.facility}</Typography.Text>}
              {view.lines.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
