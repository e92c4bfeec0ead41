import { createRequire as __speclintCreateRequire } from 'node:module'; import { fileURLToPath as __speclintFileURLToPath } from 'node:url'; const require = __speclintCreateRequire(import.meta.url); const __filename = __speclintFileURLToPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));
import{require_picocolors}from"./chunk-J3X6INUH.mjs";import{__toESM}from"./chunk-LGPQA5NX.mjs";var import_picocolors=__toESM(require_picocolors(),1);function renderForTerminal(markdown,color){if(!color)return markdown.endsWith(`
`)?markdown:`${markdown}
`;let c=import_picocolors.default.createColors(!0),out=[],fence;for(let line of markdown.replace(/\r\n?/g,`
`).split(`
`)){let opening=/^ {0,3}(`{3,}|~{3,})/.exec(line);if(fence){opening&&opening[1].startsWith(fence)?fence=void 0:out.push(c.dim(`    ${line}`));continue}if(opening){fence=opening[1];continue}let heading=/^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);heading?out.push(heading[1].length<=2?c.bold(c.underline(heading[2])):c.bold(heading[2])):out.push(line.replace(/`([^`]+)`/g,(_,code)=>c.cyan(code)))}return`${out.join(`
`).trimEnd()}
`}export{renderForTerminal};
