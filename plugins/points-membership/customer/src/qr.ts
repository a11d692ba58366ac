/**
 * @module
 * A voucher's QR code as an SVG element, from the `qrcode` library's module matrix: it encodes
 * the voucher code itself (what the till looks up), never a link or a token. Built with DOM
 * calls, so no markup string is parsed.
 */
import { create } from 'qrcode'

const SVG = 'http://www.w3.org/2000/svg'
/** Light modules around the code, as the QR specification asks. */
const QUIET = 4

/** @example card.append(qrSvg('K7PX-3MQA-9TWE', 'QR code of voucher K7PX-3MQA-9TWE')) */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const size = modules.size + 2 * QUIET
  let d = ''
  for (let y = 0; y < modules.size; y += 1) {
    for (let x = 0; x < modules.size; x += 1) if (modules.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`
  }
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('class', 'qr')
  svg.setAttribute('shape-rendering', 'crispEdges')
  const background = document.createElementNS(SVG, 'rect')
  background.setAttribute('width', String(size))
  background.setAttribute('height', String(size))
  background.setAttribute('fill', '#fff')
  const path = document.createElementNS(SVG, 'path')
  path.setAttribute('d', d)
  path.setAttribute('fill', '#000')
  svg.append(background, path)
  return svg
}
