import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { revealResident, type RevealedResident } from '../api/residents';
import { useShowError } from '../api/use-show-error';
import { useI18n } from '../i18n/context';

interface Props {
  county: string;
  id: number;
  onRevealed: (revealed: RevealedResident) => void;
}

/** "Reveal" asks why; the server records the reason with the reveal in the audit log. */
export function ResidentReveal({ county, id, onRevealed }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const reveal = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      onRevealed(await revealResident(county, id, reason.trim()));
      setOpen(false);
      form.resetFields();
      void message.success(t('resident.revealed'));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-button">
        {t('resident.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('resident.reveal.title')}
        okText={t('resident.reveal.ok')}
        cancelText={t('resident.reveal.cancel')}
        confirmLoading={busy}
        onOk={() => void reveal().catch(() => {})}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('resident.reveal.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('resident.reveal.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('resident.reveal.required') }]}
          >
            <Input.TextArea id="reveal-reason" rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
