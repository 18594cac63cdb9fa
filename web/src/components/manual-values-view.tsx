import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Flex, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { getAssessment, listManualValues, transitionManualValue } from '../api/monitoring';
import type { ManualValue } from '../api/monitoring-types';
import type { Plan } from '../api/types';
import { useLoad } from '../api/use-load';
import { useShowError } from '../api/use-show-error';
import { useAuth } from '../auth/auth-context';
import { formatValue } from '../format/numbers';
import { formatTime } from '../format/time';
import { useI18n } from '../i18n/context';
import { ManualImport } from './manual-import';
import { ManualReturnDialog } from './manual-return-dialog';
import { ManualStatusTag } from './manual-status-tag';
import { ManualValueForm, type ManualRow } from './manual-value-form';
import { ManualValueHistory } from './manual-value-history';

// Keys carry a reload counter: useLoad compares keys by identity and loads again when one changes.
const loadRows = (key: string) => {
  const [planId, year] = key.split('/').map(Number);
  return getAssessment({ planId: planId!, year: year! });
};
const loadValues = (key: string) => listManualValues(Number(key.split('/')[0]));

type Dialog =
  | { kind: 'form'; row: ManualRow; editing: ManualValue | null }
  | { kind: 'return'; row: ManualRow; value: ManualValue }
  | { kind: 'history'; row: ManualRow; value: ManualValue };

interface ManualIndicator extends ManualRow {
  rowKey: string;
  computable: boolean;
}

interface Entry extends ManualValue {
  row: ManualRow;
}

/**
 * View 5: the rows the records cannot determine, their hand-entered values and the approval workflow
 * (src/monitoring/workflow.ts): planners and admins enter and submit; admins approve or return with a reason.
 */
export function ManualValuesView({ plan }: { plan: Plan }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { session, can } = useAuth();
  const role = session?.user.role;
  const mayEnter = can('plans:write') && (role === 'planner' || role === 'admin');
  // No `approver` role exists in access control yet: review is the administrator's (docs/monitoring.md).
  const mayReview = role === 'admin';
  const [version, setVersion] = useState(0);
  const [pendingOnly, setPendingOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const { data: assessment } = useLoad(`${plan.id}/${plan.period.end}`, loadRows);
  const { data: values, loading } = useLoad(`${plan.id}/${version}`, loadValues);
  const reload = () => setVersion((v) => v + 1);

  const rows = useMemo<ManualIndicator[]>(
    () =>
      (assessment?.rows ?? [])
        // Not computable, or computable but without any computed value (a region whose records the platform
        // does not hold): both take hand-entered values (docs/monitoring.md, "Actuals").
        .filter((r) => !r.computable || r.actuals.every((a) => a.computed === null))
        .map((r) => {
          const printed = plan.indicators[r.position]!;
          return {
            position: r.position,
            seq: printed.seq,
            name: r.name,
            unit: r.unit,
            target: printed.target.text,
            rowKey: r.rowKey,
            computable: r.computable,
          };
        }),
    [assessment, plan],
  );
  // Values are keyed by row key (catalog id or printed name), shared by rows printing the same indicator.
  const entries = useMemo<Entry[]>(
    () =>
      rows.flatMap((row) =>
        (values ?? []).filter((v) => v.rowKey === row.rowKey).map((v) => ({ ...v, row })),
      ),
    [rows, values],
  );
  const pending = entries.filter((e) => e.status === 'submitted').length;
  const shown = pendingOnly ? entries.filter((e) => e.status === 'submitted') : entries;

  const act = async (entry: Entry, action: 'submit' | 'approve') => {
    setBusy(entry.id);
    try {
      await transitionManualValue(entry.id, action);
      void message.success(t(`manual.done.${action}`));
      reload();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const actions = (entry: Entry) => {
    const { status } = entry;
    const buttons = [];
    if (mayEnter && (status === 'draft' || status === 'returned')) {
      buttons.push(
        <Button
          key="edit"
          size="small"
          onClick={() => setDialog({ kind: 'form', row: entry.row, editing: entry })}
        >
          {t('manual.edit')}
        </Button>,
        <Button
          key="submit"
          size="small"
          type="primary"
          loading={busy === entry.id}
          onClick={() => void act(entry, 'submit')}
        >
          {t('manual.submit')}
        </Button>,
      );
    }
    if (mayReview && status === 'submitted') {
      buttons.push(
        <Button
          key="approve"
          size="small"
          type="primary"
          loading={busy === entry.id}
          onClick={() => void act(entry, 'approve')}
        >
          {t('manual.approve')}
        </Button>,
        <Button
          key="return"
          size="small"
          danger
          onClick={() => setDialog({ kind: 'return', row: entry.row, value: entry })}
        >
          {t('manual.return')}
        </Button>,
      );
    }
    if (mayReview && status === 'approved') {
      buttons.push(
        <Button
          key="edit"
          size="small"
          onClick={() => setDialog({ kind: 'form', row: entry.row, editing: entry })}
        >
          {t('manual.edit')}
        </Button>,
      );
    }
    buttons.push(
      <Button
        key="history"
        size="small"
        type="link"
        onClick={() => setDialog({ kind: 'history', row: entry.row, value: entry })}
      >
        {t('manual.history')}
      </Button>,
    );
    return (
      <Space size={4} wrap>
        {buttons}
      </Space>
    );
  };

  if (assessment && rows.length === 0) return <Empty description={t('manual.none')} />;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="manual-title">
          {t('manual.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('manual.hint')}</Typography.Text>
      </div>
      <ManualImport planId={plan.id} canImport={mayEnter} onImported={reload} />
      <div data-testid="manual-rows">
        <Table<ManualIndicator>
          size="small"
          bordered
          rowKey="position"
          loading={!assessment || loading}
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={rows}
          title={() => t('manual.indicators', { count: rows.length })}
          columns={[
            { title: t('plan.col.seq'), dataIndex: 'seq', width: 56 },
            {
              title: t('manual.col.indicator'),
              key: 'name',
              render: (_, row) => (
                <Flex vertical>
                  <span>{row.name}</span>
                  {row.computable && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="no-computed">
                      {t('manual.noComputed')}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('plan.col.unit'), dataIndex: 'unit', width: 80 },
            { title: t('plan.col.target'), dataIndex: 'target', width: 120 },
            {
              title: t('manual.col.value'),
              key: 'values',
              render: (_, row) => {
                const mine = entries.filter((e) => e.row.position === row.position);
                if (!mine.length)
                  return <Typography.Text type="secondary">{t('manual.nothingEntered')}</Typography.Text>;
                return (
                  <Space size={[4, 4]} wrap>
                    {mine.map((e) => (
                      <span key={e.id} style={{ whiteSpace: 'nowrap' }}>
                        {e.year}: {formatValue(e.value)} <ManualStatusTag status={e.status} />
                      </span>
                    ))}
                  </Space>
                );
              },
            },
            ...(mayEnter
              ? [
                  {
                    title: t('manual.col.actions'),
                    key: 'add',
                    width: 100,
                    render: (_: unknown, row: ManualRow) => (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        data-testid="manual-add"
                        onClick={() => setDialog({ kind: 'form', row, editing: null })}
                      >
                        {t('manual.add')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <Flex align="center" gap={12}>
        <Typography.Text strong>{t('manual.entries')}</Typography.Text>
        <span data-testid="pending-only">
          <Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)}>
            {t('manual.pending', { count: pending })}
          </Checkbox>
        </span>
      </Flex>
      <div data-testid="manual-entries">
        <Table<Entry>
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          scroll={{ x: 980 }}
          dataSource={shown}
          columns={[
            {
              title: t('manual.col.indicator'),
              key: 'indicator',
              render: (_, e) => (
                <>
                  {e.row.seq && `${e.row.seq} `}
                  {e.row.name}
                </>
              ),
            },
            { title: t('manual.col.year'), dataIndex: 'year', width: 70 },
            {
              title: t('manual.col.value'),
              key: 'value',
              width: 100,
              align: 'right',
              render: (_, e) =>
                `${formatValue(e.value)}${e.row.unit && e.row.unit !== '%' ? ` ${e.row.unit}` : (e.row.unit ?? '')}`,
            },
            {
              title: t('manual.col.status'),
              key: 'status',
              width: 200,
              render: (_, e) => (
                <Flex vertical gap={2}>
                  <span>
                    <ManualStatusTag status={e.status} />
                  </span>
                  {e.status === 'returned' && e.returnReason && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="return-reason">
                      {t('manual.returnedBecause', { reason: e.returnReason })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('manual.col.source'), dataIndex: 'source', width: 160 },
            {
              title: t('manual.col.updated'),
              key: 'updated',
              width: 170,
              render: (_, e) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.updatedBy}
                  <br />
                  {formatTime(e.updatedAt, lang)}
                </Typography.Text>
              ),
            },
            { title: t('manual.col.actions'), key: 'actions', width: 230, render: (_, e) => actions(e) },
          ]}
        />
      </div>
      {dialog?.kind === 'form' && (
        <ManualValueForm
          planId={plan.id}
          period={plan.period}
          row={dialog.row}
          editing={dialog.editing}
          takenYears={entries.filter((e) => e.row.position === dialog.row.position).map((e) => e.year)}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void message.success(t('manual.saved'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'return' && (
        <ManualReturnDialog
          value={dialog.value}
          title={t('manual.returnTitle', { name: dialog.row.name, year: dialog.value.year })}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void message.success(t('manual.done.return'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'history' && (
        <ManualValueHistory
          id={dialog.value.id}
          title={t('manual.historyTitle', { name: dialog.row.name, year: dialog.value.year })}
          onClose={() => setDialog(null)}
        />
      )}
    </Flex>
  );
}
