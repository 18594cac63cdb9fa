import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { getPlan, listPlans } from '../api/plans';
import { useLoad } from '../api/use-load';

const allPlans = 'all';
const loadPlans = () => listPlans();

/**
 * The plan a plan-scoped view shows: the one named in the address (`:planId`), else the first one. Choosing
 * another goes to `pathOf(id)`, so the address always says what is on screen.
 */
export function useChosenPlan(pathOf: (id: number) => string) {
  const navigate = useNavigate();
  const { planId } = useParams();
  const { data: plans } = useLoad(allPlans, loadPlans);
  const id = planId ? Number(planId) : (plans?.[0]?.id ?? null);
  const { data: plan, loading } = useLoad(id, getPlan);
  const choose = useCallback((next: number) => navigate(pathOf(next)), [navigate, pathOf]);
  return { plans, id, plan, loading, choose };
}
