import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { createManualValue, editManualValue } from '../api/monitoring';
import type { ManualValue } from '../api/monitoring-types';
import { useShowError } from '../api/use-show-error';
import { entryYears, valueProblem } from '../format/manual-value-rules';
import { yearsBetween } from '../format/years';
import { useI18n } from '../i18n/context';

/** The row a value is entered for. */
export interface ManualRow {
  position: number;
  seq: string | null;
  name: string;
  unit: string | null;
  target: string;
}

interface Props {
  planId: number;
  period: { start: number; end: number };
  row: ManualRow;
  /** The value edited; none for a new one. */
  editing: ManualValue | null;
  /** Years of the row that have a value already (a new value takes another year). */
  takenYears: number[];
  onDone: (saved: ManualValue) => void;
  onCancel: () => void;
}

interface Fields {
  year: number;
  value: number;
  source?: string;
  reason?: string;
}

/** A new draft, or a new figure for a draft, returned or (admin, with a reason) approved value. */
export function ManualValueForm({ planId, period, row, editing, takenYears, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const { min, max } = entryYears(period);
  const approved = editing?.status === 'approved';

  const save = async (fields: Fields) => {
    setBusy(true);
    try {
      const source = fields.source?.trim() || null;
      onDone(
        editing
          ? await editManualValue(editing.id, { value: fields.value, source, reason: fields.reason ?? null })
          : await createManualValue(planId, {
              position: row.position,
              year: fields.year,
              value: fields.value,
              source,
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
      title={
        editing
          ? t('manual.form.edit', { name: row.name, year: editing.year })
          : t('manual.form.new', { name: row.name })
      }
      okText={approved ? t('manual.form.saveApproved') : t('manual.form.save')}
      cancelText={t('manual.form.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': 'manual-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          editing
            ? { year: editing.year, value: editing.value, source: editing.source ?? undefined }
            : {
                year: yearsBetween(min, max)
                  .reverse()
                  .find((y) => !takenYears.includes(y)),
              }
        }
      >
        <Form.Item
          name="year"
          label={t('manual.form.year')}
          rules={[
            { required: true, message: t('manual.form.required') },
            {
              validator: async (_, year: number) => {
                if (year < min || year > max) throw new Error(t('manual.form.yearRange', { min, max }));
                if (!editing && takenYears.includes(year)) throw new Error(t('manual.form.yearTaken'));
              },
            },
          ]}
        >
          <Select<number>
            disabled={Boolean(editing)}
            data-testid="manual-year"
            options={yearsBetween(min, max).map((y) => ({
              value: y,
              label: t('plan.yearOption', { year: y }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('manual.form.value', { unit: row.unit ?? '—' })}
          rules={[
            { required: true, message: t('manual.form.required') },
            {
              validator: async (_, value: number | null) => {
                if (value === null || value === undefined) return;
                const problem = valueProblem(value, row.unit, row.name);
                if (problem) throw new Error(t(problem));
              },
            },
          ]}
        >
          <InputNumber style={{ width: '100%' }} data-testid="manual-value" />
        </Form.Item>
        <Form.Item name="source" label={t('manual.form.source')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="manual-source" />
        </Form.Item>
        {approved && (
          <Form.Item
            name="reason"
            label={t('manual.form.reason')}
            rules={[{ required: true, whitespace: true, message: t('manual.form.required') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
