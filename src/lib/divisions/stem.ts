// The distinctive part of a division name: what reports and unit titles use when
// they drop the suffix (某市科委, 某某综合实验区, 大同 for 大同市).

// Longest first, so 自治县 wins over 县 and 街道办事处 over 街道.
const SUFFIXES = [
  '特别行政区', '街道办事处', '自治区', '自治州', '自治县', '自治旗', '街道', '地区',
  '新区', '林区', '矿区', '苏木', '省', '市', '县', '区', '盟', '旗', '镇', '乡',
];

// Ethnic names that precede 自治… in a division name (黔西南布依族苗族自治州 → 黔西南).
// Without them the stem would be 黔西南布依族苗族, which no one writes as a short name.
const ETHNIC = [
  '各族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族',
  '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族',
  '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族',
  '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族',
  '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族',
  '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
].sort((a, b) => b.length - a.length);

/** The name without its administrative suffix (and ethnic words), or null if < 2 chars remain. */
export function divisionStem(name: string): string | null {
  let s = name;
  const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
  if (!suffix) return null; // not a standard division name (e.g. 某林业局): no short form
  s = s.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of ETHNIC) {
        if (s.endsWith(e) && s.length > e.length) {
          s = s.slice(0, -e.length);
          changed = true;
          break;
        }
      }
    }
  }
  return s.length >= 2 ? s : null;
}
