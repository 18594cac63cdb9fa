import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { updatePlanItem } from '../api/monitoring';
import { ITEM_STATUSES, type ChecklistItem, type ItemStatus } from '../api/monitoring-types';
import { useShowError } from '../api/use-show-error';
import { useI18n } from '../i18n/context';

interface Fields {
  department?: string;
  status?: ItemStatus;
  note?: string;
}

/** The responsible department of a key task or project and its status and note in one year. */
export function PlanItemForm({
  planId,
  item,
  year,
  onDone,
  onCancel,
}: {
  planId: number;
  item: ChecklistItem;
  year: number;
  onDone: (saved: ChecklistItem) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const progress = item.progress.find((p) => p.year === year);

  const save = async ({ department, status, note }: Fields) => {
    setBusy(true);
    try {
      onDone(
        await updatePlanItem(planId, item.kind, item.position, {
          department: department?.trim() || null,
          // A note needs a status to belong to; without one only the department changes.
          ...(status ? { progress: [{ year, status, note: note?.trim() || null }] } : {}),
        }),
      );
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('tasks.formTitle', { heading: item.heading })}
      okText={t('tasks.form.save')}
      cancelText={t('tasks.form.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={{ ...({ 'data-testid': 'item-save' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          department: item.department ?? undefined,
          status: progress?.status,
          note: progress?.note ?? undefined,
        }}
      >
        <Form.Item name="department" label={t('tasks.form.department')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="item-department" />
        </Form.Item>
        <Form.Item name="status" label={t('tasks.form.status', { year })}>
          <Select<ItemStatus>
            allowClear={!progress}
            data-testid="item-status-select"
            options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('tasks.form.note', { year })} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="item-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
