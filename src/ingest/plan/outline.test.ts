import { describe, expect, it } from 'vitest';
import { readSeed, type SeedName } from '../../testing/seeds.js';
import { cleanLine, numeralValue, readOutline } from './outline.js';

function seed(name: SeedName) {
  return readOutline(readSeed(name).toString('utf8').split(/\r?\n/));
}

const chapters = (name: SeedName) =>
  seed(name)
    .outline.filter((n) => n.level === 1)
    .map((n) => `${n.number} ${n.heading}`.trim());
const sectionCount = (name: SeedName) => seed(name).outline.filter((n) => n.level === 2).length;
const projectTitles = (name: SeedName) => seed(name).projects.map((p) => `${p.number} ${p.heading}`);

/** Hand-read from the seeds. Counts: chapters (level 1), sections (level 2), tasks, 专栏. */
describe('readOutline on the seed plans', () => {
  it('通州: chapters 一 二 三 五 (四 is not printed), 14 tasks with the unnumbered （六）, 7 boxes', () => {
    expect(chapters('tongzhou')).toEqual(['一 规划背景', '二 总体要求', '三 重点任务', '五 保障措施']);
    expect(sectionCount('tongzhou')).toBe(23);
    const { tasks, projects } = seed('tongzhou');
    expect(tasks).toHaveLength(14);
    expect(tasks[0]).toEqual({
      number: '（一）',
      heading: '着力构建现代公共卫生服务体系',
      chapter: '重点任务',
      lines: [440, 454],
      items: [],
    });
    expect(tasks[5]).toMatchObject({ number: '', heading: '构建生育友好型服务体系', lines: [506, 522] });
    expect(tasks[7]).toMatchObject({ number: '（八）', heading: '进一步加强人才队伍建设' });
    expect(tasks[13]).toMatchObject({ number: '（十四）', heading: '推进卫生健康治理体系和治理能力现代化' });
    expect(projectTitles('tongzhou')).toEqual([
      '一 现代公共卫生服务体系建设工程',
      '二 医疗卫生服务体系建设工程',
      '三 中医药事业发展建设工程',
      '四 保障“一老一小”健康安全建设工程',
      '五 智慧健康服务能力提升工程',
      '六 科教人才能力提升工程',
      '七 卫生监督执法能力提升工程',
    ]);
    expect(projects[0]).toEqual({
      number: '一',
      heading: '现代公共卫生服务体系建设工程',
      chapter: '重点任务',
      lines: [450, 454],
      items: ['实施区公共卫生中心异地新建工程', '公共卫生服务信息化建设'],
    });
    expect(projects[4]!.items).toEqual([
      '平台提升工程',
      '智慧医疗工程',
      '智慧公卫工程',
      '医防融合工程',
      '便民服务工程',
    ]);
  });

  it('泗阳: 5 chapters, 8 tasks, 8 boxes', () => {
    expect(chapters('siyang')).toEqual([
      '一 规划基础',
      '二 机遇和挑战',
      '三 总体要求',
      '四 重点任务',
      '五 保障措施',
    ]);
    expect(sectionCount('siyang')).toBe(23);
    const { tasks, projects } = seed('siyang');
    expect(tasks.map((t) => t.heading)).toEqual([
      '构建强大公共卫生体系',
      '健全高质量医疗服务体系',
      '推进中医药传承发展',
      '促进人口长期均衡发展',
      '加强卫生健康人才队伍建设',
      '推进智慧医疗发展',
      '高标准推进健康泗阳行动',
      '建设现代化卫生健康治理体系',
    ]);
    expect(projectTitles('siyang')).toEqual([
      '1 疾病预防机构提档升级工程',
      '2 公共卫生应急强基工程',
      '3 医疗卫生服务升级赋能工程',
      '4 中医发展促进工程',
      '5 “一老一小”健康保障工程',
      '6 医疗卫生人才队伍提升工程',
      '7 健康智慧服务能力建设工程',
      '8 卫生监督执法能力提升工程',
    ]);
    // Box 3 runs on in untabbed lines; box 5 lists its sub-projects after 包括.
    expect(projects[2]!.lines).toEqual([281, 286]);
    expect(projects[4]!.items).toEqual(['老龄健康保障工程', '妇幼健康保障工程', '婴幼儿照护服务工程']);
    expect(projects[0]!.items).toEqual([]);
  });

  it('江阴: 第X章 chapters, tasks are the 一、 sections of 第四章, 9 boxes', () => {
    expect(chapters('jiangyin')).toEqual([
      '第一章 规划背景与发展形势',
      '第二章 指导思想与基本原则',
      '第三章 发展目标与主要指标',
      '第四章 主要任务与重点工作',
      '第五章 保障措施',
    ]);
    expect(sectionCount('jiangyin')).toBe(21);
    const { outline, tasks, projects } = seed('jiangyin');
    // Run-in headings (`一、社会经济迅猛发展。2020年底…`) nest under 第一节.
    expect(outline.find((n) => n.lines[0] === 19)).toEqual({
      level: 3,
      number: '一',
      heading: '社会经济迅猛发展',
      lines: [19, 19],
    });
    expect(tasks).toHaveLength(11);
    expect(tasks[0]).toMatchObject({
      number: '一',
      heading: '全面推进健康江阴建设',
      chapter: '主要任务与重点工作',
    });
    expect(tasks[10]).toMatchObject({
      number: '十一',
      heading: '着力构建医疗机构安全防控体系',
      lines: [469, 479],
    });
    expect(projectTitles('jiangyin')).toEqual([
      '1 公共卫生应急管理体系推进工程',
      '2 公共卫生服务推进工程',
      '3 基层服务能力提升工程',
      '4 医疗服务品牌建设工程',
      '5 紧密型县域医共体建设工程',
      '6 卫生人才集聚工程',
      '7 干部队伍提升工程',
      '8 “一老一小”健康保障工程',
      '9 智慧健康服务能力工程',
    ]);
    expect(projects[5]!.items).toEqual([
      '引进高端医学专家团队',
      '引育医疗卫生高层次人才',
      '实施卫生人才“强基工程”',
    ]);
    expect(projects[7]!.items).toEqual(['妇幼健康保障工程', '老龄健康保障工程']);
    // The 包括 list of box 9 names areas, not projects: only one of them ends in 工程.
    expect(projects[8]!.items).toEqual([]);
  });

  it('蓟州: 4 chapters, 16 tasks, no boxes', () => {
    expect(chapters('jizhou')).toEqual([
      '一 规划背景',
      '二 指导思想、基本原则和主要目标',
      '三 重点任务',
      '四 保障措施',
    ]);
    expect(sectionCount('jizhou')).toBe(26);
    const { tasks, projects } = seed('jizhou');
    expect(tasks).toHaveLength(16);
    expect(tasks[0]).toMatchObject({ number: '（一）', heading: '扎实推动健康蓟州行动', lines: [173, 185] });
    // Indented headings (`    （四）…`) are headings too.
    expect(tasks[3]).toMatchObject({
      number: '（四）',
      heading: '加快卫生应急管理体系建设',
      lines: [194, 197],
    });
    expect(tasks[15]).toMatchObject({
      number: '（十六）',
      heading: '加强卫生健康法治建设',
      lines: [246, 248],
    });
    expect(projects).toEqual([]);
  });

  it('包头: 前言 and 5 chapters despite bookmark anchors, tasks are the 节 of 第四章, no boxes', () => {
    expect(chapters('baotou')).toEqual([
      '前言',
      '第1章 规划基础',
      '第二章 “十四五”时期面临的挑战和机遇',
      '第三章 总体要求',
      '第四章 主要任务',
      '第五章 保障措施',
    ]);
    expect(sectionCount('baotou')).toBe(24);
    const { outline, tasks, projects } = seed('baotou');
    expect(tasks.map((t) => t.number)).toEqual([
      '第1节',
      '第二节',
      '第三节',
      '第四节',
      '第五节',
      '第六节',
      '第七节',
      '第八节',
    ]);
    expect(tasks[7]).toMatchObject({
      heading: '强化卫生健康综合监管',
      chapter: '主要任务',
      lines: [384, 386],
    });
    // `3、` between `二、` and `四、` is their sibling, not a child of `二、`.
    expect(outline.find((n) => n.lines[0] === 333)).toMatchObject({ level: 3, number: '3' });
    expect(projects).toEqual([]);
  });

  it('never takes indicator-table rows for headings', () => {
    const tables: [SeedName, number, number][] = [
      ['tongzhou', 26, 190],
      ['tongzhou', 225, 437],
      ['siyang', 62, 247],
      ['jiangyin', 56, 316],
      ['jizhou', 40, 168],
      ['baotou', 48, 301],
    ];
    for (const [name, first, last] of tables) {
      const inside = seed(name).outline.filter((n) => n.lines[0] >= first && n.lines[0] <= last);
      expect(inside, `${name} ${first}-${last}`).toEqual([]);
    }
  });
});

describe('readOutline rules', () => {
  it('takes short lines and run-in heads as headings, not numbered sentences', () => {
    const { outline } = readOutline([
      '一、总体要求',
      '（一）指导思想。以习近平新时代中国特色社会主义思想为指导。',
      '（二）2020年全区常住人口达到一百二十万人以上，比2015年增长百分之五，其中城镇人口占比明显提高。',
      '\t1.',
      '\t83.19',
    ]);
    expect(outline).toEqual([
      { level: 1, number: '一', heading: '总体要求', lines: [1, 5] },
      { level: 2, number: '（一）', heading: '指导思想', lines: [2, 5] },
    ]);
  });

  it('keeps numbered 工程 lines inside a 专栏 as its items', () => {
    const { outline, projects } = readOutline([
      '（一）加强公共卫生',
      '1.完善疾控体系。正文。',
      '专栏 3  公共卫生服务体系建设工程',
      '1.疾控中心能力提升工程',
      '2.卫生应急项目：建设应急物资储备中心。',
      '',
      '2.完善救治体系。正文。',
    ]);
    expect(outline.map((n) => n.heading)).toEqual(['加强公共卫生', '完善疾控体系', '完善救治体系']);
    expect(projects).toEqual([
      {
        number: '3',
        heading: '公共卫生服务体系建设工程',
        chapter: '加强公共卫生',
        lines: [3, 5],
        items: ['疾控中心能力提升工程', '卫生应急项目'],
      },
    ]);
  });

  it('strips Word bookmark anchors and reads Chinese numerals', () => {
    expect(cleanLine(' [bookmark: _Toc18865] 第二章 “十四五”')).toBe('第二章 “十四五”');
    expect([numeralValue('七'), numeralValue('十'), numeralValue('十一'), numeralValue('二十三')]).toEqual([
      7, 10, 11, 23,
    ]);
    expect(numeralValue('二〇二二')).toBe(2022);
  });
});
