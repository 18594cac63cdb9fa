import { Empty, Flex } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { getPlan, listPlans } from '../api/plans';
import { useLoad } from '../api/use-load';
import { PageLoading } from '../components/page-loading';
import { PlanSelect } from '../components/plan-select';
import { PlanTableView } from '../components/plan-table-view';
import { useI18n } from '../i18n/context';

// One key for the plan list: it is loaded once per visit of the page.
const allPlans = 'all';
const loadPlans = () => listPlans();

/** View 2: a plan's indicator table; the plan is chosen in the page and named in the address. */
export default function PlanTablePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { planId } = useParams();
  const { data: plans } = useLoad(allPlans, loadPlans);
  const id = planId ? Number(planId) : (plans?.[0]?.id ?? null);
  const { data: plan, loading } = useLoad(id, getPlan);
  return (
    <Flex vertical gap={16}>
      <PlanSelect plans={plans} value={id} onChange={(next) => navigate(`/plans/${next}`)} />
      {plans?.length === 0 && <Empty description={t('plan.none')} />}
      {loading && <PageLoading />}
      {plan && <PlanTableView key={plan.id} plan={plan} />}
    </Flex>
  );
}
