import { App, Button, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { listPlanItems } from '../api/monitoring';
import type { ChecklistItem } from '../api/monitoring-types';
import type { Plan } from '../api/types';
import { useLoad } from '../api/use-load';
import { useAuth } from '../auth/auth-context';
import { defaultAssessmentYear, yearsBetween } from '../format/years';
import { useI18n } from '../i18n/context';
import { ItemStatusTag } from './item-status-tag';
import { PlanItemForm } from './plan-item-form';

// The key carries a reload counter: useLoad loads again when the key changes.
const loadItems = (key: string) => listPlanItems(Number(key.split('/')[0]));

/** View 8: the plan's key tasks and projects, the department responsible and each year's progress. */
export function PlanItemsView({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useAuth();
  // The checklist is the planners' to keep (src/monitoring/workflow.ts, assertMayEditChecklist).
  const mayEdit = can('plans:write') && (session?.user.role === 'planner' || session?.user.role === 'admin');
  const [version, setVersion] = useState(0);
  const [year, setYear] = useState(() => defaultAssessmentYear(plan.period));
  const [editing, setEditing] = useState<ChecklistItem | null>(null);
  const { data: items, loading } = useLoad(`${plan.id}/${version}`, loadItems);

  if (items && items.length === 0) return <Empty description={t('tasks.none')} />;
  const count = (kind: ChecklistItem['kind']) => items?.filter((i) => i.kind === kind).length ?? 0;

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="tasks-title">
          {t('tasks.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="tasks-summary">
          {t('tasks.summary', {
            tasks: count('task'),
            projects: count('project'),
            assigned: items?.filter((i) => i.department).length ?? 0,
          })}
        </Typography.Text>
      </div>
      <Flex align="center" gap={8}>
        <Typography.Text>{t('tasks.year')}</Typography.Text>
        <Select<number>
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          data-testid="tasks-year"
          aria-label={t('tasks.year')}
          options={yearsBetween(plan.period.start, plan.period.end).map((y) => ({
            value: y,
            label: t('plan.yearOption', { year: y }),
          }))}
        />
      </Flex>
      <div data-testid="plan-items">
        <Table<ChecklistItem>
          size="small"
          bordered
          rowKey={(i) => `${i.kind}-${i.position}`}
          loading={loading}
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={items}
          expandable={{
            rowExpandable: (i) => i.items.length > 0,
            expandedRowRender: (i) => (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {i.items.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ),
          }}
          columns={[
            {
              title: t('tasks.col.kind'),
              key: 'kind',
              width: 96,
              render: (_, i) => (
                <Tag color={i.kind === 'task' ? 'geekblue' : 'purple'}>{t(`tasks.kind.${i.kind}`)}</Tag>
              ),
            },
            { title: t('tasks.col.number'), dataIndex: 'number', width: 70 },
            {
              title: t('tasks.col.heading'),
              key: 'heading',
              render: (_, i) => (
                <Flex vertical>
                  <span data-testid="item-heading">{i.heading}</span>
                  {i.chapter && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.chapter}
                      {i.items.length > 0 && ` · ${t('tasks.items', { count: i.items.length })}`}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: t('tasks.col.department'),
              key: 'department',
              width: 180,
              render: (_, i) =>
                i.department ? (
                  <span data-testid="item-department-text">{i.department}</span>
                ) : (
                  <Typography.Text type="secondary">{t('tasks.unassigned')}</Typography.Text>
                ),
            },
            {
              title: t('tasks.col.progress', { year }),
              key: 'progress',
              width: 260,
              render: (_, i) => {
                const p = i.progress.find((x) => x.year === year);
                if (!p) return <Typography.Text type="secondary">{t('tasks.noProgress')}</Typography.Text>;
                return (
                  <Flex vertical gap={2}>
                    <span>
                      <ItemStatusTag status={p.status} />
                    </span>
                    {p.note && <Typography.Text style={{ fontSize: 12 }}>{p.note}</Typography.Text>}
                  </Flex>
                );
              },
            },
            ...(mayEdit
              ? [
                  {
                    title: t('tasks.col.actions'),
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, i: ChecklistItem) => (
                      <Button size="small" onClick={() => setEditing(i)} data-testid="item-edit">
                        {t('tasks.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {editing && (
        <PlanItemForm
          planId={plan.id}
          item={editing}
          year={year}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void message.success(t('tasks.saved'));
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Flex>
  );
}
