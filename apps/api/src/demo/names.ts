/** Common Chinese surnames (百家姓, most frequent first) and given-name characters. */
export const CHINESE_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹']
export const CHINESE_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '婷', '雪', '晨', '浩', '宇', '欣', '子涵', '梓萱', '一诺', '思远', '佳怡', '俊杰', '雨桐']
export const SURNAME_PINYIN: Record<string, string> = { 王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou', 徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 高: 'gao', 林: 'lin', 罗: 'luo', 郑: 'zheng', 梁: 'liang', 谢: 'xie', 宋: 'song', 唐: 'tang', 许: 'xu', 韩: 'han', 冯: 'feng', 邓: 'deng', 曹: 'cao' }
export const ENGLISH_FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Sophia', 'William', 'Mia', 'Lucas', 'Amelia', 'Henry', 'Grace', 'Daniel', 'Chloe', 'Jack', 'Ella', 'Samuel', 'Lily', 'David']
export const ENGLISH_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Green', 'Hall', 'Wood', 'Clarke', 'Lewis', 'Harris']
export const CITIES_CN = ['北京', '上海', '广州', '深圳', '杭州', '成都', '南京', '武汉', '西安', '苏州', '重庆', '长沙']
export const CITIES_EN = ['Singapore', 'London', 'Sydney', 'Toronto', 'Hong Kong', 'San Francisco']

/** Product catalogue: category, sku prefix, median unit price in fen (minor units), zh name. */
export const CATALOGUE = [
  { category: 'apparel', name: '服装', median: 19_900, weight: 30 },
  { category: 'beauty', name: '美妆', median: 15_900, weight: 22 },
  { category: 'food', name: '食品', median: 5_900, weight: 25 },
  { category: 'home', name: '家居', median: 29_900, weight: 13 },
  { category: 'electronics', name: '数码', median: 89_900, weight: 10 },
] as const
