/**
 * @module
 * Which custom fields a case of a category takes, without dependencies (the admin imports it as a
 * value): those of the category or an ancestor of it (`product` covers `product.quality`), and
 * those without categories.
 */

/** @example fieldsFor(config.customFields, 'product.quality') */
export const fieldsFor = <F extends { categories: readonly string[] }>(fields: readonly F[], category: string): F[] =>
  fields.filter((f) => f.categories.length === 0 || f.categories.some((c) => category === c || category.startsWith(`${c}.`)))
