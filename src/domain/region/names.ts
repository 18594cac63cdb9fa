/**
 * Name forms of divisions as plans write them. Plans shorten official names: 包头稀土高新区 for
 * 包头稀土高新技术产业开发区, 南通 for 南通市, 内蒙古 for 内蒙古自治区.
 */

/** Official long forms of development zones and the short forms in use. */
const ZONE_ABBREVIATIONS: [long: string, short: string][] = [
  ['高新技术产业开发区', '高新区'],
  ['经济技术开发区', '经开区'],
  ['经济开发区', '开发区'],
];

/** Peoples named in autonomous divisions (广西壮族自治区, 恩施土家族苗族自治州), longest first where one contains another. */
const PEOPLES =
  '维吾尔|哈萨克|柯尔克孜|塔吉克|达斡尔|鄂伦春|鄂温克|俄罗斯|朝鲜|蒙古|土家|布依|哈尼|傈僳|景颇|纳西|撒拉|仡佬|毛南|仫佬|锡伯|保安|东乡|裕固|独龙|普米|拉祜|基诺|布朗|阿昌|德昂|门巴|珞巴|壮|回|藏|苗|彝|侗|瑶|白|傣|羌|黎|畲|土|满|水|怒|佤|京';
const ADMIN_SUFFIX = new RegExp(`(?:(?:${PEOPLES})族)*(?:自治区|自治州|特别行政区|省|市|盟|地区)$`, 'u');

/** Name without its administrative suffix: 南通市 → 南通, 内蒙古自治区 → 内蒙古, 锡林郭勒盟 → 锡林郭勒. */
export function shortName(name: string): string {
  const short = name.replace(ADMIN_SUFFIX, '');
  return short.length >= 2 ? short : name;
}

/**
 * Names a plan may use for a county-level unit: the official one, with development-zone abbreviations,
 * and without a leading city name (稀土高新区 for 包头稀土高新技术产业开发区 of 包头市).
 */
export function countyAliases(name: string, cityName: string): string[] {
  const forms = new Set([name]);
  for (const [long, short] of ZONE_ABBREVIATIONS) {
    if (name.endsWith(long)) forms.add(name.slice(0, -long.length) + short);
  }
  const city = shortName(cityName);
  for (const form of [...forms]) {
    if (city.length >= 2 && form.startsWith(city) && form.length - city.length >= 3) {
      forms.add(form.slice(city.length));
    }
  }
  return [...forms];
}
