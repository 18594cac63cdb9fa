import { Empty, Flex } from 'antd';
import { PageLoading } from '../components/page-loading';
import { PlanItemsView } from '../components/plan-items-view';
import { PlanSelect } from '../components/plan-select';
import { useChosenPlan } from '../components/use-chosen-plan';
import { useI18n } from '../i18n/context';

const pathOf = (id: number) => `/plans/${id}/tasks`;

/** View 8: checklist of key tasks and projects with responsible departments and yearly progress. */
export default function TasksPage() {
  const { t } = useI18n();
  const { plans, id, plan, loading, choose } = useChosenPlan(pathOf);
  return (
    <Flex vertical gap={16}>
      <PlanSelect plans={plans} value={id} onChange={choose} />
      {plans?.length === 0 && <Empty description={t('plan.none')} />}
      {loading && <PageLoading />}
      {plan && <PlanItemsView key={plan.id} plan={plan} />}
    </Flex>
  );
}
