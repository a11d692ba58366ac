import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/i18n'
import './global.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('The admin needs a #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
