import type { DomainId } from '../types.js';

/** Domain names (领域 / 类别 / 分类); plans group rows differently, the catalog keeps one domain per indicator. */
export const DOMAINS: Record<DomainId, { zh: string; en: string }> = {
  'health-status': { zh: '健康水平', en: 'Health status' },
  'healthy-living': { zh: '健康生活', en: 'Healthy living' },
  'disease-control': { zh: '疾病防控', en: 'Disease prevention and control' },
  'health-resources': { zh: '卫生资源', en: 'Health resources' },
  'health-services': { zh: '健康服务', en: 'Health services' },
  'health-security': { zh: '健康保障', en: 'Health security and financing' },
  'health-industry': { zh: '健康产业', en: 'Health industry' },
  'digital-health': { zh: '智慧健康', en: 'Digital health' },
  'health-environment': { zh: '健康环境', en: 'Healthy environment' },
};
