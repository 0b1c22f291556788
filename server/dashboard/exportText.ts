/** Column headings and labels of the dashboard exports, in Vietnamese (default) and English. Text
 *  only: the exports' content comes from the dashboard queries. */

export const EXPORT_LANGS = ['vi', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

const TEXT = {
  vi: {
    unit: 'Đơn vị',
    scenario: 'Tình huống',
    dueAt: 'Hạn hoàn thành',
    people: 'Số người được giao',
    completed: 'Đã hoàn thành',
    inProgress: 'Đang thực hiện',
    assigned: 'Chưa bắt đầu',
    overdue: 'Quá hạn',
    completionRate: 'Tỷ lệ hoàn thành (%)',
    competency: 'Năng lực',
    passed: 'Đạt',
    total: 'Tổng',
    passRate: 'Tỷ lệ đạt (%)',
    month: 'Tháng',
    runs: 'Số lượt',
    averagePercent: 'Điểm trung bình (%)',
    criterion: 'Tiêu chí',
    failed: 'Số lần không đạt',
    'sheet.compliance': 'Tuân thủ',
    'sheet.competencies': 'Năng lực theo đơn vị',
    'sheet.trends': 'Xu hướng theo tháng',
    'sheet.failed-criteria': 'Tiêu chí hay không đạt',
  },
  en: {
    unit: 'Unit',
    scenario: 'Scenario',
    dueAt: 'Due',
    people: 'People assigned',
    completed: 'Completed',
    inProgress: 'In progress',
    assigned: 'Not started',
    overdue: 'Overdue',
    completionRate: 'Completion rate (%)',
    competency: 'Competency',
    passed: 'Passed',
    total: 'Total',
    passRate: 'Pass rate (%)',
    month: 'Month',
    runs: 'Runs',
    averagePercent: 'Average score (%)',
    criterion: 'Criterion',
    failed: 'Times failed',
    'sheet.compliance': 'Compliance',
    'sheet.competencies': 'Competencies by unit',
    'sheet.trends': 'Trends by month',
    'sheet.failed-criteria': 'Most failed criteria',
  },
} as const;

export type ExportKey = keyof (typeof TEXT)['vi'];

export function exportText(lang: ExportLang, key: ExportKey): string {
  return TEXT[lang][key];
}
