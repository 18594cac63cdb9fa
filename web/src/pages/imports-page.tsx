import { Flex } from 'antd';
import { useAuth } from '../auth/auth-context';
import { PlanImportCard } from '../components/plan-import-card';
import { RecordImportCard } from '../components/record-import-card';

/** View 6: plan documents and record files in. */
export default function ImportsPage() {
  const { can } = useAuth();
  return (
    <Flex vertical gap={16}>
      {can('plans:write') && <PlanImportCard />}
      {can('records:write') && <RecordImportCard />}
    </Flex>
  );
}
