import { Empty, Flex } from 'antd';
import { ManualValuesView } from '../components/manual-values-view';
import { PageLoading } from '../components/page-loading';
import { PlanSelect } from '../components/plan-select';
import { useChosenPlan } from '../components/use-chosen-plan';
import { useI18n } from '../i18n/context';

const pathOf = (id: number) => `/plans/${id}/manual-values`;

/** View 5: data entry and approval of the indicators the records cannot determine. */
export default function ManualValuesPage() {
  const { t } = useI18n();
  const { plans, id, plan, loading, choose } = useChosenPlan(pathOf);
  return (
    <Flex vertical gap={16}>
      <PlanSelect plans={plans} value={id} onChange={choose} />
      {plans?.length === 0 && <Empty description={t('plan.none')} />}
      {loading && <PageLoading />}
      {plan && <ManualValuesView key={plan.id} plan={plan} />}
    </Flex>
  );
}
