import { Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { listPlans } from '../api/plans';
import { useLoad } from '../api/use-load';
import { PlanSelect } from '../components/plan-select';
import { ReportForm } from '../components/report-form';
import { useI18n } from '../i18n/context';

const allPlans = 'all';
const loadPlans = () => listPlans();

/** View 7: a plan's annual, mid-term or final report, downloaded as xlsx or pdf, or viewed as a page. */
export default function ReportsPage() {
  const { t } = useI18n();
  const { data: plans } = useLoad(allPlans, loadPlans);
  const [chosen, setChosen] = useState<number | null>(null);
  const plan = plans?.find((p) => p.id === chosen) ?? plans?.[0];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="reports-title">
        {t('reports.title')}
      </Typography.Title>
      <PlanSelect plans={plans} value={plan?.id ?? null} onChange={setChosen} />
      {plans?.length === 0 && <Empty description={t('plan.none')} />}
      {plan && <ReportForm key={plan.id} plan={plan} />}
    </Flex>
  );
}
