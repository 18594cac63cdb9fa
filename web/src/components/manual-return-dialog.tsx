import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { transitionManualValue } from '../api/monitoring';
import type { ManualValue } from '../api/monitoring-types';
import { useShowError } from '../api/use-show-error';
import { useI18n } from '../i18n/context';

/** Returning a submitted value needs the reason the enterer will read. */
export function ManualReturnDialog({
  value,
  title,
  onDone,
  onCancel,
}: {
  value: ManualValue;
  title: string;
  onDone: (returned: ManualValue) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const send = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      onDone(await transitionManualValue(value.id, 'return', reason.trim()));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('manual.return')}
      okButtonProps={{
        danger: true,
        ...({ 'data-testid': 'manual-return-confirm' } as Record<string, string>),
      }}
      cancelText={t('manual.form.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item
          name="reason"
          label={t('manual.returnReason')}
          rules={[{ required: true, whitespace: true, message: t('manual.form.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="manual-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
