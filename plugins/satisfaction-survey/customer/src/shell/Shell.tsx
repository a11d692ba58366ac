import type { CSSProperties, ReactNode } from 'react'
import type { SurveyForm } from '../api/survey-api'

const DEFAULT_BRAND = '#1f6feb'

/** The page frame: the brand's colour and logo above the content. @example <Shell theme={form.theme}>…</Shell> */
export function Shell({ theme, children }: { theme: SurveyForm['theme'] | undefined; children: ReactNode }) {
  const style = { '--brand': theme?.brandColor ?? DEFAULT_BRAND } as CSSProperties
  return (
    <div className="shell" style={style}>
      <header className="shell-header">
        {theme?.logoUrl ? <img className="shell-logo" src={theme.logoUrl} alt="" /> : <span className="shell-mark" aria-hidden="true" />}
      </header>
      <main className="shell-main">{children}</main>
    </div>
  )
}
