import { createRequire as __speclintCreateRequire } from 'node:module'; import { fileURLToPath as __speclintFileURLToPath } from 'node:url'; const require = __speclintCreateRequire(import.meta.url); const __filename = __speclintFileURLToPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));
import{blobUrlFromEnv}from"./chunk-HISOOSJI.mjs";import{displayPath}from"./chunk-F4B7T6I5.mjs";import{PACKAGE_INFO}from"./chunk-WLFAOTTB.mjs";import{SpeclintError,UsageError,hint}from"./chunk-Y46YLXA6.mjs";import{appendFileSync,mkdirSync,writeFileSync}from"node:fs";import{dirname,relative,resolve,sep}from"node:path";import{parseArgs}from"node:util";var OPTIONS={format:{type:"string",short:"f",multiple:!0},"output-file":{type:"string",short:"o",multiple:!0},config:{type:"string",short:"c"},type:{type:"string"},"max-warnings":{type:"string"},"max-findings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},"fix-dry-run":{type:"boolean"},stdin:{type:"boolean"},"stdin-filename":{type:"string"},cache:{type:"boolean"},"cache-location":{type:"string"},"cache-strategy":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},verbose:{type:"boolean"},version:{type:"boolean",short:"v"},help:{type:"boolean",short:"h"},"print-config":{type:"string"},"sarif-category":{type:"string"},baseline:{type:"string"},"baseline-file":{type:"string"},changed:{type:"string"},shard:{type:"string"},threads:{type:"string"},template:{type:"string"},"max-file-size":{type:"string"},"no-error-on-unmatched-pattern":{type:"boolean"},"only-changed-lines":{type:"boolean"},"fail-on":{type:"string"},stats:{type:"boolean"},update:{type:"boolean"},"report-unused-disable-directives":{type:"boolean"},"report-unused-disable-directives-severity":{type:"string"}},COMMANDS=["init","new","rules","types","baseline","help"];function parseCommandLine(argv){let normalized=argv.map(arg=>arg==="--changed"?"--changed=":arg),parsed;try{parsed=parseArgs({args:normalized,options:OPTIONS,allowPositionals:!0,strict:!0})}catch(error){let message=error.message.split(`
`)[0],unknown=/Unknown option '(--?[\w-]+)'/.exec(message);throw unknown?new UsageError(`Unknown option ${unknown[1]}${hint(unknown[1],Object.keys(OPTIONS).map(o=>`--${o}`))}. Run "speclint --help".`):new UsageError(`${message.replace(/\. To specify.*$/,"")}. Run "speclint --help".`)}let v=parsed.values,positionals=parsed.positionals,command;positionals.length>0&&COMMANDS.includes(positionals[0])&&(command=positionals[0],positionals=positionals.slice(1));let integer=(name,value,min)=>{if(value!==void 0){if(!/^-?\d+$/.test(value)||Number(value)<min)throw new UsageError(`--${name} expects an integer \u2265 ${min}, got "${value}"`);return Number(value)}},shard;if(v.shard!==void 0){let m=/^(\d+)\/(\d+)$/.exec(v.shard);if(!m||Number(m[1])<1||Number(m[1])>Number(m[2]))throw new UsageError(`--shard expects i/n with 1 \u2264 i \u2264 n, got "${v.shard}"`);shard={index:Number(m[1]),count:Number(m[2])}}let failOn=v["fail-on"]??"error";if(failOn!=="error"&&failOn!=="warning"&&failOn!=="never")throw new UsageError(`--fail-on expects "error", "warning" or "never", got "${failOn}"`);let unusedSeverity=v["report-unused-disable-directives-severity"];if(unusedSeverity!==void 0&&!["off","warn","error","0","1","2"].includes(unusedSeverity))throw new UsageError(`--report-unused-disable-directives-severity expects "off", "warn" or "error", got "${unusedSeverity}"`);let reportUnusedDisableDirectives=unusedSeverity===void 0?v["report-unused-disable-directives"]?"error":void 0:unusedSeverity==="warn"||unusedSeverity==="1"?"warn":unusedSeverity==="error"||unusedSeverity==="2"?"error":void 0;if(v["only-changed-lines"]&&v.changed===void 0)throw new UsageError("--only-changed-lines needs --changed[=<ref>]: it keeps the findings on the lines that change touches");if(v.update&&command!=="baseline")throw new UsageError('--update belongs to "speclint baseline --update" (prune fixed findings from the baseline)');let cacheStrategy=v["cache-strategy"]??"content";if(cacheStrategy!=="content"&&cacheStrategy!=="metadata")throw new UsageError(`--cache-strategy expects "content" or "metadata", got "${cacheStrategy}"`);return{command,positionals,formats:v.format??[],outputFiles:v["output-file"]??[],config:v.config,type:v.type,maxWarnings:integer("max-warnings",v["max-warnings"],-1),maxFindings:integer("max-findings",v["max-findings"],0),quiet:v.quiet??!1,fix:v.fix??!1,fixDryRun:v["fix-dry-run"]??!1,stdin:v.stdin??!1,stdinFilename:v["stdin-filename"],cache:v.cache??!1,cacheLocation:v["cache-location"],cacheStrategy,color:v["no-color"]?!1:v.color,verbose:v.verbose??!1,version:v.version??!1,help:v.help??!1,printConfig:v["print-config"],sarifCategory:v["sarif-category"],baseline:v.baseline,baselineFile:v["baseline-file"],changed:v.changed,shard,threads:integer("threads",v.threads,0),template:v.template,maxFileBytes:v["max-file-size"]===void 0?void 0:integer("max-file-size",v["max-file-size"],1)*1024*1024,errorOnUnmatchedPattern:!v["no-error-on-unmatched-pattern"],onlyChangedLines:v["only-changed-lines"]??!1,failOn,stats:v.stats??!1,update:v.update??!1,reportUnusedDisableDirectives}}var HELP=`speclint [options] [paths...]

Lint Markdown specification documents: files, directories (searched for *.md and
*.markdown, honouring .gitignore and config "ignores") and globs. A path or glob that
matches no Markdown file is an error (exit 2).

Commands:
  speclint init [--template <file>]   write a .specrc.json (optionally registering a template as a type)
  speclint new <type> <file>          scaffold a new spec from a document type's template
  speclint rules [<id>]               list the rules, or print one rule's documentation
  speclint types                      list the document types
  speclint baseline [paths...]        record current findings so only new ones fail
  speclint baseline --update          drop fixed findings from the baseline (adds none)
  speclint help                       print this help

Output:
  -f, --format <name>        text (default), json, sarif, github, compact, html, junit, gitlab,
                             markdown; repeat for several reports
  -o, --output-file <path>   write a report to a file; repeat, paired with the formats from the last
  --sarif-category <id>      SARIF runAutomationDetails.id (one per CI shard or job)
  --max-findings <n>         the most findings -f markdown lists (default 50)
  --quiet                    report errors only
  --stats                    count findings per rule in the text summary
  --verbose                  say which document type each file got, and why
  --color, --no-color        force colours on or off (default: a terminal; FORCE_COLOR, NO_COLOR)

Failing:
  --max-warnings <n>         exit 1 when there are more than n warnings
  --fail-on <level>          error (default), warning (any finding fails) or never (always exit 0
                             unless speclint cannot run)

Configuration:
  -c, --config <path>        use this config file (no search)
  --type <id>                lint every file as this document type
  --print-config <file>      print the configuration that applies to a file
  --report-unused-disable-directives   report disable directives that suppress nothing (as errors;
                             --report-unused-disable-directives-severity warn|error|off)

Fixing:
  --fix                      apply safe fixes, writing files atomically
  --fix-dry-run              print the fixed text and the problems that remain; write nothing

Input:
  --stdin                    lint standard input
  --stdin-filename <name>    the name standard input is linted as (config, type, report)
  --changed[=<ref>]          lint only Markdown files changed against a git ref (default: merge base)
  --only-changed-lines       with --changed: report only findings on lines the change touches
  --no-error-on-unmatched-pattern   a path or glob that matches nothing is not an error
  --baseline <file>          ignore findings recorded in this baseline (default: config "baseline")
  --baseline-file <file>     where "speclint baseline" writes (default: config "baseline", else
                             .speclint-baseline.json)
  --shard <i/n>              lint only the i-th of n deterministic slices of the files

Speed:
  --cache                    skip files unchanged since the last run with the same config
  --cache-location <path>    where the cache lives (default .speclintcache)
  --cache-strategy <s>       content (default) or metadata
  --threads <n>              worker processes (0 = in-process; default: automatic)
  --max-file-size <MB>       skip (with a warning) files larger than this (default 10)

  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too many
warnings, 2 usage, configuration or internal error.
`;function colorEnabled(flag,env,isTTY){if(flag!==void 0)return flag;let force=env.FORCE_COLOR;return force!==void 0&&force!==""?!["0","false"].includes(force.toLowerCase()):env.NO_COLOR?!1:isTTY&&env.TERM!=="dumb"}async function run(argv,io){try{return await runUnsafe(argv,io)}catch(error){if(error instanceof SpeclintError)return io.stderr(`speclint: ${error.message}
`),2;let message=error instanceof Error?error.message.split(`
`)[0]:String(error);return io.stderr(`speclint: internal error: ${message}
`),io.env.SPECLINT_DEBUG&&error instanceof Error&&io.stderr(`${error.stack}
`),2}}async function runUnsafe(argv,io){let options=parseCommandLine(argv);if(options.help||options.command==="help")return io.stdout(HELP),0;if(options.version)return io.stdout(`${PACKAGE_INFO.version}
`),0;let{Speclint}=await import("./chunk-I27MMT62.mjs"),speclint=new Speclint(projectOptions(options,io.cwd));switch(options.command){case"rules":return options.positionals.length>0?printRuleDocs(options,io,speclint):listRules(io);case"types":case"new":case"init":return runAuthoringCommand(options,io,speclint);default:break}if(options.printConfig!==void 0)return io.stdout(`${JSON.stringify(await speclint.calculateConfigForFile(options.printConfig),null,2)}
`),0;let run2=await lint(speclint,options,io);if(options.command==="baseline")return sayBaselinesWritten(await speclint.writeBaselines(run2.results,{file:options.baselineFile??options.baseline,update:options.update}),io),run2.notifications.some(n=>n.level==="error")?2:0;let suppressedByBaseline=await speclint.applyBaselines(run2.results);if(options.quiet)for(let report of run2.results)report.messages=report.messages.filter(m=>m.severity==="error"),report.warningCount=0;if(options.verbose)for(let report of run2.results)io.stderr(`${report.filePath}: ${report.documentType?`type ${report.documentType}`:"no document type"} (${report.documentTypeReason??"no reason given"})${untypedDetail(report)}
`);let outputFiles=await writeReports(speclint,options,io,run2),errors=run2.results.reduce((n,r)=>n+r.errorCount,0),warnings=run2.results.reduce((n,r)=>n+r.warningCount,0);return io.onSummary?.({errors,warnings,files:run2.results.length,suppressedByBaseline,outputFiles}),exitCode(options,io,run2,errors,warnings)}function projectOptions(options,cwd){return{cwd,configFile:options.config,forcedType:options.type,fix:options.fix,fixDryRun:options.fixDryRun,cache:options.cache?{location:options.cacheLocation??".speclintcache",strategy:options.cacheStrategy}:void 0,threads:options.threads,maxFileBytes:options.maxFileBytes,reportUnusedDisableDirectives:options.reportUnusedDisableDirectives,errorOnUnmatchedPattern:options.errorOnUnmatchedPattern,baseline:options.baseline}}async function lint(speclint,options,io){if(options.stdin){if(options.positionals.length>0)throw new UsageError("--stdin cannot be combined with paths");return speclint.lintText(await io.readStdin(),{filePath:options.stdinFilename})}let run2=await speclint.lintFiles(options.positionals,{changed:options.changed,onlyChangedLines:options.onlyChangedLines,shard:options.shard});if(options.verbose)for(let file of run2.ignored)io.stderr(`${displayPath(io.cwd,file)}: ignored by config "ignores"
`);let{changed}=run2;return changed&&run2.selected.length===0&&io.stderr(`speclint: no Markdown files changed against ${changed.ref}${changed.base!==changed.ref?` (merge base ${changed.base.slice(0,12)})`:""}; nothing to lint
`),run2}function exitCode(options,io,run2,errors,warnings){return run2.notifications.some(n=>n.level==="error")?2:options.failOn==="never"?0:options.failOn==="warning"?errors+warnings>0?1:0:errors>0?1:options.maxWarnings!==void 0&&options.maxWarnings>=0&&warnings>options.maxWarnings?(io.stderr(`speclint found too many warnings (maximum: ${options.maxWarnings}).
`),1):0}var plural=(n,word)=>`${n} ${word}${n===1?"":"s"}`;function sayBaselinesWritten(written,io){for(let entry of written){let shown=displayPath(io.cwd,entry.file);if(entry.kind==="update"){let{removed,remaining,unrecorded}=entry;io.stdout(`Removed ${plural(removed,"fixed finding")} from ${shown}; ${remaining} remain${remaining===1?"s":""}.
`),unrecorded>0&&io.stdout(`${plural(unrecorded,"finding")} not in the baseline still fail${unrecorded===1?"s":""}: fix ${unrecorded===1?"it":"them"}, or record ${unrecorded===1?"it":"them"} with "speclint baseline".
`);continue}if(io.stdout(`Wrote ${plural(entry.count,"finding")} to ${shown}
`),!entry.unapplied)continue;let config=entry.unappliedConfig,fromConfig=config?relative(dirname(config),entry.file).split(sep).join("/"):shown;io.stdout(config?`Later runs apply it with --baseline ${shown}, or always once ${displayPath(io.cwd,config)} says "baseline": "${fromConfig}".
`:`Later runs apply it with --baseline ${shown}, or always once a .specrc.json says "baseline": "${shown}" ("speclint init" writes one that does).
`)}}function untypedDetail(report){let closest=report.untyped?.closest;if(!report.untyped||report.documentTypeReason?.includes("closest:"))return"";if(!closest)return"; no type of the config came close";let n=value=>String(Math.round(value*100)/100);return`; closest type ${closest.id}, score ${n(closest.score)} below the threshold ${n(closest.threshold)}`}function pairOutputs(formats,outputFiles){let list=formats.length>0?formats:["text"];if(outputFiles.length>list.length)throw new UsageError(`${outputFiles.length} output files for ${list.length} format${list.length===1?"":"s"}: give one -f per -o`);let offset=list.length-outputFiles.length;return list.map((format,i)=>({format,file:i>=offset?outputFiles[i-offset]:void 0}))}var MACHINE_FORMATS=new Set(["json","sarif","github","compact","html","junit","gitlab","markdown"]);async function writeReports(speclint,options,io,run2){let{results:reports,notifications}=run2,pairs=pairOutputs(options.formats,options.outputFiles);if(!pairs.some(p=>!p.file&&MACHINE_FORMATS.has(p.format)))for(let{filePath,output:text}of reports)text!==void 0&&io.stdout(`==> ${filePath} (fixed) <==
${text}${text.endsWith(`
`)?"":`
`}`);let summaryPath=io.env.GITHUB_STEP_SUMMARY,presentation={notifications,color:colorEnabled(options.color,io.env,io.isTTY),sarifCategory:options.sarifCategory,maxWarnings:options.maxWarnings,stats:options.stats,stepSummary:!!summaryPath,maxFindings:options.maxFindings,blobUrl:blobUrlFromEnv(io.env)},wroteToStdout=!1,written=[];for(let{format,file}of pairs){let formatter=await speclint.loadFormatter(format),text=formatter.format(reports,file?{...presentation,color:!1}:presentation);if(file){let target=resolve(io.cwd,file);try{mkdirSync(dirname(target),{recursive:!0}),writeFileSync(target,text)}catch(error){throw new SpeclintError(`Cannot write ${file}: ${error.code??error.message}`)}written.push({format,file:target})}else io.stdout(text),wroteToStdout=!0;if(formatter.stepSummary&&summaryPath)try{appendFileSync(summaryPath,formatter.stepSummary(reports,presentation))}catch(error){throw new SpeclintError(`Cannot write the step summary ${summaryPath}: ${error.code??error.message}`)}}if(!wroteToStdout){for(let n of notifications)io.stderr(`${n.level}: ${n.filePath?`${n.filePath}: `:""}${n.message}
`);let errors=reports.reduce((n,r)=>n+r.errorCount,0),warnings=reports.reduce((n,r)=>n+r.warningCount,0),files=reports.length;io.stdout(`${errors+warnings} problem${errors+warnings===1?"":"s"} (${errors} error${errors===1?"":"s"}, ${warnings} warning${warnings===1?"":"s"}) in ${files} file${files===1?"":"s"}; report written to ${pairs.map(p=>p.file).join(", ")}
`)}return written}async function listRules(io){let{rules}=await import("./chunk-NYJFSITB.mjs"),width=Math.max(...rules.map(r=>r.meta.id.length));for(let rule of rules){let severity=rule.meta.defaultSeverity==="warn"?"warn ":rule.meta.defaultSeverity==="error"?"error":"off  ";io.stdout(`${rule.meta.id.padEnd(width)}  ${severity}  ${rule.meta.fixable?"fixable  ":"         "}${rule.meta.description}
`)}return 0}async function printRuleDocs(options,io,speclint){let{rulesById}=await import("./chunk-NYJFSITB.mjs"),{renderForTerminal}=await import("./chunk-DPIXSW7Z.mjs"),[id,...rest]=options.positionals;if(rest.length>0)throw new UsageError("usage: speclint rules [<rule-id>]");let rule=rulesById.get(id);if(!rule)throw new UsageError(`unknown rule "${id}"${hint(id,rulesById.keys())}; "speclint rules" lists them`);let{page,url}=await speclint.ruleDocs(rule.meta.id);return io.stdout(`${renderForTerminal(page??`# ${rule.meta.id}

${rule.meta.description}.
`,colorEnabled(options.color,io.env,io.isTTY))}
Online: ${url}
`),0}async function runAuthoringCommand(options,io,speclint){let{listTypes,newSpec,initConfig}=await import("./chunk-QYTMQJE7.mjs");if(options.command==="init")return io.stdout(initConfig(io.cwd,options.template)),0;let types=await speclint.documentTypes();return io.stdout(options.command==="types"?listTypes(types):newSpec(options.positionals[0],options.positionals[1],types,io.cwd)),0}export{run};
