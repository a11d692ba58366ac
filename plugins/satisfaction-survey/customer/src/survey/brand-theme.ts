/**
 * @module
 * The survey's brand colour as SurveyJS theme variables (buttons, selected ratings, progress bar).
 */

const DEFAULT_BRAND = '#1f6feb'
const SYSTEM_FONTS = '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Roboto, sans-serif'

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

/** @example brandVariables('#e4572e')['--sjs-primary-backcolor'] // '#e4572e' */
export function brandVariables(brandColor: string | undefined): Record<string, string> {
  const brand = brandColor && /^#[0-9a-fA-F]{6}$/.test(brandColor) ? brandColor : DEFAULT_BRAND
  const [r, g, b] = channels(brand) as [number, number, number]
  const dark = `rgb(${Math.round(r * 0.85)}, ${Math.round(g * 0.85)}, ${Math.round(b * 0.85)})`
  // Relative luminance decides whether text on the brand colour is white or black.
  const light = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.6
  return {
    '--sjs-primary-backcolor': brand,
    '--sjs-primary-backcolor-dark': dark,
    '--sjs-primary-backcolor-light': `rgba(${r}, ${g}, ${b}, 0.1)`,
    '--sjs-primary-forecolor': light ? '#1f2328' : '#ffffff',
    '--sjs-primary-forecolor-light': light ? 'rgba(31, 35, 40, 0.25)' : 'rgba(255, 255, 255, 0.25)',
    '--sjs-general-backcolor-dim': '#f3f4f6',
    // The fontless stylesheet names Open Sans, which this page never downloads: use the system's.
    '--sjs-font-family': SYSTEM_FONTS,
  }
}
