import type { FormInfo } from './api'
import { categoryName, type T } from './messages'

/** The category picker of both forms: top categories, with their subcategories grouped under them. */
export function CategoryField({ t, categories }: { t: T; categories: FormInfo['categories'] }) {
  const parents = categories.filter((c) => !c.parent)
  return (
    <>
      <label htmlFor="category">{t('category')}</label>
      <select id="category" name="category" required defaultValue="">
        <option value="" disabled>{t('chooseCategory')}</option>
        {parents.map((p) => {
          const children = categories.filter((c) => c.parent === p.id)
          return children.length === 0 ? <option key={p.id} value={p.id}>{categoryName(t, p.id, p.label)}</option> : (
            <optgroup key={p.id} label={categoryName(t, p.id, p.label)}>
              <option value={p.id}>{categoryName(t, p.id, p.label)}</option>
              {children.map((c) => <option key={c.id} value={c.id}>{categoryName(t, c.id, c.label)}</option>)}
            </optgroup>
          )
        })}
      </select>
    </>
  )
}
