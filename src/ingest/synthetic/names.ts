import { Random, cumulative, pickWeighted } from './random.js';

/**
 * Synthetic names: a common surname (weights roughly as in the 2020 household registration statistics)
 * and one or two given-name characters. No real person's data is used.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const SURNAME_WEIGHTS = cumulative([...SURNAMES].map((_, i) => 1 / (i + 8)));
const MALE_CHARS =
  '伟强磊军勇杰涛斌明辉刚健峰超波鹏华建国平飞俊浩宇轩博文志鑫宏亮晨阳天翔子豪凯家荣海龙'.split('');
const FEMALE_CHARS = '芳娜敏静丽艳娟霞燕玲秀英桂兰红梅琳婷雪慧倩颖欣怡佳悦晶妍琪思雨萱涵梓菲珊蕾月春'.split(
  '',
);
const SHARED_CHARS = '文明嘉永晓小新一诗云海清志玉金秋'.split('');

export function personName(random: Random, male: boolean): string {
  const surname = SURNAMES[pickWeighted(random, SURNAME_WEIGHTS)]!;
  const own = male ? MALE_CHARS : FEMALE_CHARS;
  const first = random.chance(0.25) ? random.pick(SHARED_CHARS) : random.pick(own);
  return random.chance(0.3) ? surname + first : surname + first + random.pick(own);
}

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155',
  '157', '158', '159', '177', '180', '181', '182', '186', '187', '188', '189', '199']; // prettier-ignore

/** An 11-digit mobile number. */
export function mobilePhone(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(100_000_000)).padStart(8, '0');
}
